package dev.custos.spring.test;

import dev.custos.scopes.ScopeCatalog;
import dev.custos.spring.boot.CustosAutoConfiguration;
import dev.custos.spring.boot.CustosProperties;
import dev.custos.token.KeyRing;
import dev.custos.token.TokenMinter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What {@link AutoConfigureCustosTest} adds: the capturing sender, primary over the application's
 * own, and the test tokens.
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
   * @return the tokens' source
   */
  @Bean
  @ConditionalOnMissingBean
  public CustosTestTokens custosTestTokens(
      TokenMinter minter, KeyRing keys, CustosProperties properties, ScopeCatalog catalog) {
    return new CustosTestTokens(minter, keys, properties.getIssuer(), catalog);
  }
}
