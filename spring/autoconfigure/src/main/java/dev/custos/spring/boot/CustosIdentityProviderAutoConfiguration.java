package dev.custos.spring.boot;

import dev.custos.customer.IdentityProviderPresets;
import dev.custos.customer.JwtIdentityProvider;
import dev.custos.customer.JwtReplayStore;
import dev.custos.token.TokenMinter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;

/**
 * The platform's identity provider for Unit's {@code jwtToken}, when {@code
 * custos.identity-provider.preset} or {@code .issuer} is set: the customer-token service then
 * accepts its JWTs in place of a one-time code (used once each; across instances with Redis's
 * replay store).
 */
@AutoConfiguration(
    before = CustosAutoConfiguration.class,
    after = CustosRedisAutoConfiguration.class)
@Conditional(CustosIdentityProviderAutoConfiguration.Configured.class)
@EnableConfigurationProperties(CustosProperties.class)
public class CustosIdentityProviderAutoConfiguration {
  /**
   * The identity provider: the preset's issuer, keys, algorithm, audience and claim rules, or the
   * issuer, JWKS location and audience given; on the minter's clock.
   *
   * @param properties the settings
   * @param minter the minter, whose clock JWT times are checked on
   * @param replays where used JWT ids are kept, if not in this process (Redis)
   * @return the provider
   * @throws IllegalStateException if both a preset and an issuer are set, or an issuer without its
   *     JWKS location and audience
   * @throws IllegalArgumentException if the preset is unknown or malformed
   */
  @Bean
  @ConditionalOnMissingBean
  public JwtIdentityProvider custosJwtIdentityProvider(
      CustosProperties properties, TokenMinter minter, ObjectProvider<JwtReplayStore> replays) {
    CustosIdentityProviderProperties idp = properties.getIdentityProvider();
    JwtIdentityProvider.Builder b;
    if (idp.getPreset() != null) {
      if (idp.getIssuer() != null || idp.getJwksUri() != null) {
        throw new IllegalStateException(
            "custos.identity-provider: a preset names the issuer and keys; drop issuer and"
                + " jwks-uri");
      }
      b = IdentityProviderPresets.of(idp.getPreset(), idp.getAudience());
    } else {
      if (idp.getJwksUri() == null || idp.getAudience() == null) {
        throw new IllegalStateException(
            "custos.identity-provider.issuer needs jwks-uri and audience: a JWT the provider issued"
                + " for any other application must not pass");
      }
      b =
          JwtIdentityProvider.builder(idp.getIssuer())
              .jwksUri(idp.getJwksUri())
              .audience(idp.getAudience());
    }
    b.maxAge(idp.getMaxAge()).clock(minter.clock());
    replays.ifAvailable(b::replayStore);
    return b.build();
  }

  /** A preset or an issuer is set. */
  static final class Configured extends AnyNestedCondition {
    Configured() {
      super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty("custos.identity-provider.preset")
    static final class Preset {}

    @ConditionalOnProperty("custos.identity-provider.issuer")
    static final class Issuer {}
  }
}
