package dev.custos.spring.test;

import dev.custos.customer.Customer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.otp.OtpSender;
import dev.custos.otp.Phone;
import dev.custos.token.VerifiedToken;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A host with a real sender the test kit must take the place of. */
@SpringBootApplication
public class TestKitApp {
  @Bean
  CustomerDirectory customers() {
    return id -> Optional.of(Customer.individual(id, Phone.of("1", "2025550147")));
  }

  @Bean
  OtpSender realProvider() {
    return message -> {
      throw new IllegalStateException("a test must never reach the real SMS provider");
    };
  }

  @Bean
  org.springframework.security.web.SecurityFilterChain api(
      org.springframework.security.config.annotation.web.builders.HttpSecurity http,
      dev.custos.spring.security.CustosAuthorization custos)
      throws Exception {
    return http.authorizeHttpRequests(
            r ->
                r.requestMatchers("/recent")
                    .access(custos.twoFactorWithin(java.time.Duration.ofMinutes(5)))
                    .anyRequest()
                    .authenticated())
        .build();
  }

  @RestController
  static class Me {
    @GetMapping("/recent")
    Map<String, Object> recent() {
      return Map.of("recent", true);
    }

    @GetMapping("/me")
    Map<String, Object> me(VerifiedToken caller) {
      return Map.of(
          "customer", caller.customerId().orElse("org"),
          "twoFactor", caller.twoFactorVerified());
    }
  }
}
