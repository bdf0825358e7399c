package dev.custos.spring.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.util.Map;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The three applications measured, each one endpoint ({@code GET /accounts}) that needs the {@code
 * accounts} scope: with security off, behind Custos, behind Spring Security's own JWT resource
 * server. No component scanning: each imports exactly its parts.
 */
final class Apps {
  private static final String CUSTOS =
      "dev.custos.spring.boot.CustosAutoConfiguration,"
          + "dev.custos.spring.boot.CustosRedisAutoConfiguration,"
          + "dev.custos.spring.boot.CustosSandboxAutoConfiguration,"
          + "dev.custos.spring.boot.CustosSecurityAutoConfiguration,"
          + "dev.custos.spring.boot.CustosWebMvcAutoConfiguration,"
          + "dev.custos.spring.boot.CustosActuatorAutoConfiguration";
  private static final String SECURITY =
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
          + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
          + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
          + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
          + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration";

  private Apps() {}

  /** The endpoint. */
  @RestController
  static class Accounts {
    @GetMapping("/accounts")
    Map<String, String> accounts() {
      return Map.of("id", "10001");
    }
  }

  /** No security at all. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(Accounts.class)
  static class SecurityOff {}

  /** Spring Security alone, every request permitted: the cost of its filter chain itself. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(Accounts.class)
  static class SecurityPermitAll {
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(r -> r.anyRequest().permitAll()).build();
    }
  }

  /** Custos: the starter and one URL rule. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(Accounts.class)
  static class WithCustos {
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(
              r -> r.requestMatchers("/accounts").hasAuthority("SCOPE_accounts"))
          .build();
    }
  }

  /** Spring Security's resource server verifying ES256 JWTs with Nimbus, one URL rule. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(Accounts.class)
  static class WithNimbusJwt {
    static ECKey publicKey;

    @Bean
    JwtDecoder jwtDecoder() {
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(
          new JWSVerificationKeySelector<>(
              JWSAlgorithm.ES256, new ImmutableJWKSet<>(new JWKSet(publicKey))));
      return new NimbusJwtDecoder(processor);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(
              r -> r.requestMatchers("/accounts").hasAuthority("SCOPE_accounts"))
          .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()))
          .build();
    }
  }

  static ConfigurableApplicationContext securityOff() {
    return start(SecurityOff.class, "--spring.autoconfigure.exclude=" + CUSTOS + "," + SECURITY);
  }

  static ConfigurableApplicationContext securityPermitAll() {
    return start(SecurityPermitAll.class, "--spring.autoconfigure.exclude=" + CUSTOS);
  }

  static ConfigurableApplicationContext custos(long cacheSize) {
    return start(WithCustos.class, "--custos.sandbox=true", "--custos.cache-size=" + cacheSize);
  }

  static ConfigurableApplicationContext nimbus(ECKey publicKey) {
    WithNimbusJwt.publicKey = publicKey;
    return start(WithNimbusJwt.class, "--spring.autoconfigure.exclude=" + CUSTOS);
  }

  private static ConfigurableApplicationContext start(Class<?> app, String... args) {
    String[] all = new String[args.length + 3];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--server.port=0";
    all[args.length + 1] = "--spring.main.banner-mode=off";
    all[args.length + 2] = "--logging.level.root=warn";
    return new SpringApplicationBuilder(app).run(all);
  }
}
