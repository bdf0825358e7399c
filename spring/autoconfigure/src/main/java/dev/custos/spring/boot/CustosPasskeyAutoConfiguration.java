package dev.custos.spring.boot;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.otp.OtpEngine;
import dev.custos.passkey.PasskeyListener;
import dev.custos.passkey.PasskeyRelyingParty;
import dev.custos.passkey.PasskeyStore;
import dev.custos.passkey.Passkeys;
import dev.custos.passkey.PasskeysBuilder;
import dev.custos.redis.CustosRedis;
import dev.custos.redis.RedisPasskeys;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.TokenMinter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Passkeys as the second factor, when {@code custos-passkey} is on the class path and {@code
 * custos.passkeys.rp-id} is set: the customer-token service then takes {@code channel: "passkey"},
 * and the passkey endpoints are served ({@link CustosWebMvcAutoConfiguration}). Passkeys are kept
 * on Redis when it is configured, else in this process.
 */
@AutoConfiguration(
    after = {CustosRedisAutoConfiguration.class, CustosAutoConfiguration.class},
    before = CustosWebMvcAutoConfiguration.class)
@ConditionalOnClass(Passkeys.class)
@ConditionalOnProperty("custos.passkeys.rp-id")
@EnableConfigurationProperties(CustosProperties.class)
public class CustosPasskeyAutoConfiguration {
  /**
   * The relying party: id, name and origins from the settings; the user-handle key derived from the
   * signing key (as the OTP master key is), so every instance sharing the key gives a customer the
   * same handle.
   *
   * @param properties the settings
   * @param keys the signing keys
   * @return the relying party
   * @throws IllegalArgumentException if the id or an origin is malformed
   * @throws IllegalStateException if no origin is set or one is not on the id
   */
  @Bean
  @ConditionalOnMissingBean
  public PasskeyRelyingParty custosPasskeyRelyingParty(CustosProperties properties, KeyRing keys) {
    CustosPasskeyProperties p = properties.getPasskeys();
    return PasskeyRelyingParty.builder()
        .id(p.getRpId())
        .name(p.getRpName())
        .origins(p.getOrigins().toArray(new String[0]))
        .userHandleKey(PasskeyRelyingParty.userHandleKeyFrom(keys.signingKey()))
        .build();
  }

  /**
   * The platform's passkeys, on the customer-token service's OTP engine, authorizer and customers.
   *
   * @param relyingParty who the passkeys are for
   * @param store where they are kept
   * @param otp the OTP engine (its device challenges)
   * @param authorizer the authorizer
   * @param directory the host's customers
   * @param catalog the scopes
   * @param minter the minter, whose clock registrations are dated by
   * @param listener the host's listener, if any
   * @return the passkeys
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({CustomerDirectory.class, OtpEngine.class})
  public Passkeys custosPasskeys(
      PasskeyRelyingParty relyingParty,
      PasskeyStore store,
      OtpEngine otp,
      RequestAuthorizer authorizer,
      CustomerDirectory directory,
      ScopeCatalog catalog,
      TokenMinter minter,
      ObjectProvider<PasskeyListener> listener) {
    PasskeysBuilder b =
        Passkeys.builder()
            .relyingParty(relyingParty)
            .store(store)
            .otpEngine(otp)
            .authorizer(authorizer)
            .directory(directory)
            .catalog(catalog)
            .clock(minter.clock());
    listener.ifAvailable(b::listener);
    return b.build();
  }

  /**
   * Passkeys in this process: for one instance (several need Redis).
   *
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean(value = PasskeyStore.class, type = "dev.custos.redis.CustosRedis")
  public PasskeyStore custosPasskeyStore() {
    return PasskeyStore.inMemory(100_000);
  }

  /** Passkeys on the Redis every instance shares. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RedisPasskeys.class)
  @ConditionalOnBean(CustosRedis.class)
  static class OnRedis {
    /**
     * The Redis passkey store.
     *
     * @param redis the connection
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean
    PasskeyStore custosRedisPasskeyStore(CustosRedis redis) {
      return RedisPasskeys.store(redis);
    }
  }
}
