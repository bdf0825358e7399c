package dev.custos.spring.test;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.kit.CapturingOtpSender;
import dev.custos.kit.TokenGenerators;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.spring.boot.CustosAutoConfiguration;
import dev.custos.spring.boot.CustosProperties;
import dev.custos.token.KeyRing;
import dev.custos.token.TokenMinter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What {@link AutoConfigureCustosTest} adds: the test kit's capturing sender, primary over the
 * application's own, and the test tokens with the kit's generators for the application's keys.
 */
@AutoConfiguration(before = CustosAutoConfiguration.class)
public class CustosTestAutoConfiguration {
  /**
   * The sender every code goes to in the test.
   *
   * @return the sender
   */
  @Bean
  @Primary
  @ConditionalOnMissingBean(CapturingOtpSender.class)
  public CapturingOtpSender custosCapturingOtpSender() {
    return new CapturingOtpSender();
  }

  /**
   * The test tokens.
   *
   * @param minter the application's minter
   * @param keys the application's keys
   * @param properties the application's Custos settings (its issuer)
   * @param catalog the application's scopes
   * @param authorizer the application's authorizer, which revokes the kit's revoked tokens
   * @param clock the application's clock, if it has one
   * @return the tokens' source
   */
  @Bean
  @ConditionalOnMissingBean
  public CustosTestTokens custosTestTokens(
      TokenMinter minter,
      KeyRing keys,
      CustosProperties properties,
      ScopeCatalog catalog,
      RequestAuthorizer authorizer,
      ObjectProvider<Clock> clock) {
    return new CustosTestTokens(
        minter,
        new TokenGenerators(
                keys, properties.getIssuer(), clock.getIfAvailable(Clock::systemUTC), catalog)
            .revokingWith(authorizer),
        catalog);
  }
}
