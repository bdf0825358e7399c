package dev.custos.spring.boot;

import dev.custos.authz.AuthorizationListener;
import dev.custos.authz.RequestAuthorizer;
import dev.custos.authz.RequestAuthorizerBuilder;
import dev.custos.authz.RevocationStore;
import dev.custos.customer.CardDirectory;
import dev.custos.customer.CustomerDirectory;
import dev.custos.customer.CustomerTokenListener;
import dev.custos.customer.CustomerTokenService;
import dev.custos.customer.CustomerTokenServiceBuilder;
import dev.custos.customer.JwtIdentityProvider;
import dev.custos.customer.PasskeyVerifier;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.jsonapi.SandboxOutbox;
import dev.custos.org.ApiTokenStore;
import dev.custos.org.OrgTokenService;
import dev.custos.org.OrgUserAuthenticator;
import dev.custos.otp.MessageTemplates;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpEngineBuilder;
import dev.custos.otp.OtpSender;
import dev.custos.otp.spi.OtpStore;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerificationKey;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

/**
 * The library's objects as beans, from {@code custos.*} and two beans of the host's: a {@link
 * CustomerDirectory} and an {@link OtpSender}. Every bean backs off when the host defines its own.
 * The time is the host's {@link Clock} bean if it has one, else the system's, and the minter, the
 * verifier and the engine all read that one clock.
 */
@AutoConfiguration
@EnableConfigurationProperties(CustosProperties.class)
public class CustosAutoConfiguration {
  /**
   * The scopes: Unit's catalog.
   *
   * @return the catalog
   */
  @Bean
  @ConditionalOnMissingBean
  public ScopeCatalog custosScopeCatalog() {
    return ScopeCatalog.unit();
  }

  /**
   * The signing key and the keys still accepted, from {@code custos.key.*}.
   *
   * @param properties the settings
   * @return the key ring
   * @throws
   *     org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
   *     if no key is configured outside sandbox mode, or a key cannot be read
   */
  @Bean
  @ConditionalOnMissingBean
  public KeyRing custosKeyRing(CustosProperties properties) {
    return KeyRing.of(SigningKeys.signingKey(properties));
  }

  /**
   * Mints tokens with the ring's signing key.
   *
   * @param properties the settings
   * @param keys the key ring
   * @param clock the host's clock, if it has one
   * @return the minter
   */
  @Bean
  @ConditionalOnMissingBean
  public TokenMinter custosTokenMinter(
      CustosProperties properties, KeyRing keys, ObjectProvider<Clock> clock) {
    return TokenMinter.builder()
        .keyRing(keys)
        .issuer(properties.getIssuer())
        .clock(clock.getIfAvailable(Clock::systemUTC))
        .build();
  }

  /**
   * Verifies tokens of the ring's keys and of {@code custos.key.verification-keys}.
   *
   * @param properties the settings
   * @param keys the key ring
   * @param catalog the scopes
   * @param minter the minter, whose clock the verifier shares
   * @return the verifier
   */
  @Bean
  @ConditionalOnMissingBean
  public TokenVerifier custosTokenVerifier(
      CustosProperties properties, KeyRing keys, ScopeCatalog catalog, TokenMinter minter) {
    return TokenVerifier.builder()
        .keyRing(keys)
        .keys(SigningKeys.verificationKeys(properties).toArray(VerificationKey[]::new))
        .catalog(catalog)
        .issuer(properties.getIssuer())
        .clock(minter.clock())
        .build();
  }

  /**
   * Decides every question about a caller.
   *
   * @param properties the settings
   * @param verifier the verifier
   * @param listeners the host's listeners and the metrics binding's, if any
   * @param revocations a shared revocation store (Redis's when configured), else in-process
   * @return the authorizer
   */
  @Bean
  @ConditionalOnMissingBean
  public RequestAuthorizer custosRequestAuthorizer(
      CustosProperties properties,
      TokenVerifier verifier,
      ObjectProvider<AuthorizationListener> listeners,
      ObjectProvider<RevocationStore> revocations) {
    RequestAuthorizerBuilder b =
        RequestAuthorizer.builder().verifier(verifier).cacheSize(properties.getCacheSize());
    AuthorizationListener listener = Listeners.authorization(listeners);
    if (listener != null) {
      b.listener(listener);
    }
    RevocationStore shared = revocations.getIfAvailable();
    if (shared != null) {
      b.revocationStore(shared);
    } else if (properties.getRedis().getUri() != null) {
      // A revocation kept in one instance only is forgotten by the others: refuse to start.
      throw new InvalidConfigurationPropertyValueException(
          "custos.redis.uri",
          "(hidden)",
          "custos.redis.uri is set but custos-redis is not on the class path (add"
              + " custos-spring-boot-starter or dev.custos:custos-redis)");
    }
    return b.build();
  }

  /**
   * Sends and checks one-time codes through the host's {@link OtpSender}.
   *
   * @param properties the settings
   * @param sender the host's SMS and voice provider
   * @param minter the minter, whose clock the engine shares
   * @param keys the key ring, from which engines sharing a store derive one master key
   * @param store a shared OTP store (Redis's when configured), else in-process
   * @return the engine
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(OtpSender.class)
  public OtpEngine custosOtpEngine(
      CustosProperties properties,
      OtpSender sender,
      TokenMinter minter,
      KeyRing keys,
      ObjectProvider<OtpStore> store) {
    CustosProperties.Otp otp = properties.getOtp();
    OtpEngineBuilder b =
        OtpEngine.builder()
            .brand(properties.getBrand())
            .sender(sender)
            .clock(minter.clock())
            .challengeLifetime(otp.getCodeLifetime())
            .maxAttempts(otp.getMaxAttempts())
            .maxSendsPerMinute(otp.getMaxSendsPerMinute())
            .allowedCountryCodes(otp.getAllowedCountries().toArray(String[]::new));
    if (!otp.getLanguages().isEmpty()) {
      b.templates(MessageTemplates.builtIn().only(otp.getLanguages().toArray(String[]::new)));
    }
    OtpStore shared = store.getIfAvailable();
    if (shared != null) {
      b.store(shared).masterKey(keys.signingKey().otpMasterKey());
    }
    return b.build();
  }

  /**
   * The spec's two operations, for the host's customers.
   *
   * @param directory the host's customers
   * @param otp the engine
   * @param minter the minter
   * @param authorizer the authorizer
   * @param catalog the scopes
   * @param listeners the host's listeners and the metrics binding's, if any
   * @param cards the host's cards, if it serves cardholder tokens
   * @param identityProvider the platform's identity provider, for {@code jwtToken}, if any
   * @param passkeys the platform's passkeys, for {@code channel: "passkey"}, if configured
   * @return the service
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({CustomerDirectory.class, OtpEngine.class})
  public CustomerTokenService custosCustomerTokenService(
      CustomerDirectory directory,
      OtpEngine otp,
      TokenMinter minter,
      RequestAuthorizer authorizer,
      ScopeCatalog catalog,
      ObjectProvider<CustomerTokenListener> listeners,
      ObjectProvider<CardDirectory> cards,
      ObjectProvider<JwtIdentityProvider> identityProvider,
      ObjectProvider<PasskeyVerifier> passkeys) {
    CustomerTokenServiceBuilder b =
        CustomerTokenService.builder()
            .directory(directory)
            .otpEngine(otp)
            .minter(minter)
            .authorizer(authorizer)
            .catalog(catalog);
    cards.ifAvailable(b::cards);
    identityProvider.ifAvailable(b::identityProvider);
    passkeys.ifAvailable(b::passkeys);
    CustomerTokenListener listener = Listeners.tokens(listeners);
    if (listener != null) {
      b.listener(listener);
    }
    return b.build();
  }

  /**
   * Org API tokens, when the host says who may manage them ({@link OrgUserAuthenticator}): kept in
   * the host's {@link ApiTokenStore} (Redis's when configured), else in this process.
   *
   * @param store where the records are kept, if the host or Redis gives one
   * @param minter the minter
   * @param authorizer the authorizer
   * @param catalog the scopes
   * @return the service
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(OrgUserAuthenticator.class)
  public OrgTokenService custosOrgTokenService(
      ObjectProvider<ApiTokenStore> store,
      TokenMinter minter,
      RequestAuthorizer authorizer,
      ScopeCatalog catalog) {
    OrgTokenService.Builder b =
        OrgTokenService.builder().minter(minter).authorizer(authorizer).catalog(catalog);
    store.ifAvailable(b::store);
    return b.build();
  }

  /**
   * The whole wire format, which the Spring MVC routes mount.
   *
   * @param authorizer the authorizer
   * @param customerTokens the customer-token service, if configured
   * @param orgTokens the org-token service, if configured
   * @param users who may manage org API tokens, if the host says
   * @param outbox the sandbox outbox, served in sandbox mode only
   * @param properties the settings
   * @return the endpoints
   */
  @Bean
  @ConditionalOnMissingBean
  public JsonApiEndpoints custosJsonApiEndpoints(
      RequestAuthorizer authorizer,
      ObjectProvider<CustomerTokenService> customerTokens,
      ObjectProvider<OrgTokenService> orgTokens,
      ObjectProvider<OrgUserAuthenticator> users,
      ObjectProvider<SandboxOutbox> outbox,
      CustosProperties properties) {
    JsonApiEndpoints.Builder b = JsonApiEndpoints.builder().authorizer(authorizer);
    if (properties.isSandbox()) {
      outbox.ifAvailable(b::sandboxOutbox);
    }
    CustomerTokenService customers = customerTokens.getIfAvailable();
    if (customers != null) {
      b.customerTokens(customers);
      try {
        b.cardholderTokens(customers.cardholderTokens());
      } catch (IllegalStateException noCardDirectory) {
        // Cardholder tokens are served only for a host that has a CardDirectory.
      }
    }
    OrgTokenService org = orgTokens.getIfAvailable();
    OrgUserAuthenticator who = users.getIfAvailable();
    if (org != null && who != null) {
      b.orgTokens(org, who);
    }
    return b.build();
  }
}
