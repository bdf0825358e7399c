package dev.custos.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.authz.RevocationStore;
import dev.custos.customer.Customer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.customer.CustomerTokenService;
import dev.custos.customer.JwtReplayStore;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.org.ApiTokenStore;
import dev.custos.org.OrgTokenService;
import dev.custos.org.OrgUserAuthenticator;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpSender;
import dev.custos.otp.Phone;
import dev.custos.otp.spi.OtpStore;
import dev.custos.redis.CustosRedis;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.testing.RedisServer;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CustosAutoConfigurationTest {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  static final SigningKey KEY = SigningKey.generate(PasetoVersion.V4_PUBLIC);
  static final CustomerDirectory DIRECTORY =
      id -> Optional.of(Customer.individual(id, Phone.of("1", "2025550147")));
  static final OtpSender SENDER = message -> {};

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(CustosAutoConfiguration.class));

  private ApplicationContextRunner withKey() {
    return runner.withPropertyValues("custos.key.value=" + KEY.exportSecretPaserk());
  }

  private ApplicationContextRunner withHostBeans() {
    return withKey()
        .withBean(CustomerDirectory.class, () -> DIRECTORY)
        .withBean(OtpSender.class, () -> SENDER);
  }

  @Test
  void noKey_startFails_namingTheProperty() {
    runner.run(
        context ->
            assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("custos.key.file")
                .hasMessageContaining("a signing key is required"));
  }

  @Test
  void sandbox_noKey_generatedKey() {
    runner
        .withPropertyValues("custos.sandbox=true")
        .run(context -> assertThat(context).hasSingleBean(KeyRing.class));
  }

  @Test
  void keyValue_thePaserk_signsWithIt() {
    withKey()
        .run(
            context ->
                assertThat(context.getBean(KeyRing.class).signingKey().keyId())
                    .isEqualTo(KEY.keyId()));
  }

  @Test
  void keyFile_readAndUsed_unreadableFileFailsNamingItWithoutTheKey(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("signing.paserk"), KEY.exportSecretPaserk() + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    runner
        .withPropertyValues("custos.key.file=" + file)
        .run(
            context ->
                assertThat(context.getBean(KeyRing.class).signingKey().keyId())
                    .isEqualTo(KEY.keyId()));
    runner
        .withPropertyValues("custos.key.file=" + dir.resolve("missing"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("custos.key.file")
                    .hasMessageContaining("cannot read the signing key file"));
  }

  @Test
  void keyFile_othersCanReadIt_startFailsSayingHowToMendIt(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("signing.paserk"), KEY.exportSecretPaserk());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    runner
        .withPropertyValues("custos.key.file=" + file)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("custos.key.file")
                    .hasMessageContaining("is readable by its group or by others")
                    .hasMessageContaining("chmod 600")
                    .hasMessageNotContaining(KEY.exportSecretPaserk()));
  }

  @Test
  void badVerificationKey_startFails_namingIt() {
    withKey()
        .withPropertyValues("custos.key.verification-keys[0]=k4.public.not-a-key")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("custos.key.verification-keys[0]"));
  }

  @Test
  void badKeys_startFails_namingThePropertyNeverTheKey() {
    String jwk = KEY.exportPrivateJwk();
    runner
        .withPropertyValues("custos.key.value=" + jwk.replace(",", "\\,"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("custos.key.version"));
    runner
        .withPropertyValues("custos.key.value=k4.secret.not-a-key")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("custos.key.value")
                    .hasMessageNotContaining("not-a-key"));
    runner
        .withPropertyValues("custos.key.value=" + KEY.exportSecretPaserk(), "custos.key.version=v2")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("custos.key.version")
                    .hasMessageNotContaining(KEY.exportSecretPaserk()));
  }

  @Test
  void verificationKeys_rotatedOutKeyStillAccepted() {
    SigningKey old = SigningKey.generate(PasetoVersion.V4_PUBLIC);
    String oldToken =
        TokenMinter.builder()
            .signingKey(old)
            .issuer("custos")
            .build()
            .mint(dev.custos.token.TokenRequest.org(ScopeCatalog.unit().parse("customers")))
            .token();
    withKey()
        .withPropertyValues("custos.key.verification-keys[0]=" + old.verificationKey().toPaserk())
        .run(
            context ->
                assertThat(
                        context
                            .getBean(RequestAuthorizer.class)
                            .authenticate("Bearer " + oldToken)
                            .scopes()
                            .toString())
                    .isEqualTo("customers"));
  }

  @Test
  void redisOff_inProcessStores_noConnection() {
    withHostBeans()
        .withConfiguration(AutoConfigurations.of(CustosRedisAutoConfiguration.class))
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean(CustosRedis.class)
                    .doesNotHaveBean(OtpStore.class)
                    .doesNotHaveBean(RevocationStore.class));
  }

  @Test
  void redisOn_everyStoreOnIt() {
    withHostBeans()
        .withConfiguration(AutoConfigurations.of(CustosRedisAutoConfiguration.class))
        .withPropertyValues("custos.redis.uri=" + REDIS.uri(), "custos.redis.key-prefix=ctx")
        .run(
            context -> {
              CustosRedis redis = context.getBean(CustosRedis.class);
              assertThat(context.getBean(OtpStore.class)).isSameAs(redis.otpStore());
              assertThat(context.getBean(RevocationStore.class)).isSameAs(redis.revocationStore());
              assertThat(context.getBean(ApiTokenStore.class)).isSameAs(redis.apiTokenStore());
              assertThat(context.getBean(JwtReplayStore.class)).isSameAs(redis.jwtReplayStore());
              assertThat(context).hasSingleBean(OtpEngine.class);
            });
  }

  @Test
  void redisUriWithoutTheRedisModule_startFails_neverInProcessState() {
    withHostBeans()
        .withClassLoader(new FilteredClassLoader(CustosRedis.class))
        .withConfiguration(AutoConfigurations.of(CustosRedisAutoConfiguration.class))
        .withPropertyValues("custos.redis.uri=redis://127.0.0.1:1")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("custos-redis is not on the class path"));
  }

  @Test
  void redisUnreachable_startFails() {
    withHostBeans()
        .withConfiguration(AutoConfigurations.of(CustosRedisAutoConfiguration.class))
        .withPropertyValues("custos.redis.uri=redis://127.0.0.1:1")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void withoutSenderOrDirectory_tokensOnly_noOtpEngineNorCustomerTokenService() {
    withKey()
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(RequestAuthorizer.class)
                  .hasSingleBean(JsonApiEndpoints.class)
                  .doesNotHaveBean(OtpEngine.class)
                  .doesNotHaveBean(CustomerTokenService.class)
                  .doesNotHaveBean(OrgTokenService.class);
            });
  }

  @Test
  void hostBeans_everyServiceBuilt_oneClock() {
    withHostBeans()
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(OtpEngine.class)
                  .hasSingleBean(CustomerTokenService.class);
              assertThat(context.getBean(TokenVerifier.class).clock())
                  .isSameAs(context.getBean(TokenMinter.class).clock());
            });
  }

  @Test
  void orgTokens_onlyWithTheHostsLogin() {
    OrgUserAuthenticator nobody = header -> Optional.empty();
    withHostBeans().run(context -> assertThat(context).doesNotHaveBean(OrgTokenService.class));
    withHostBeans()
        .withBean(OrgUserAuthenticator.class, () -> nobody)
        .run(context -> assertThat(context).hasSingleBean(OrgTokenService.class));
  }

  @Test
  void hostsOwnBeans_replaceEachOfCustos() {
    KeyRing ring = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
    TokenMinter minter = TokenMinter.builder().keyRing(ring).issuer("host").build();
    TokenVerifier verifier = TokenVerifier.builder().keyRing(ring).issuer("host").build();
    RequestAuthorizer authorizer = RequestAuthorizer.builder().verifier(verifier).build();
    OtpEngine otp = OtpEngine.builder().brand("Host").sender(SENDER).build();
    replaced(KeyRing.class, () -> ring);
    replaced(TokenMinter.class, () -> minter);
    replaced(TokenVerifier.class, () -> verifier);
    replaced(RequestAuthorizer.class, () -> authorizer);
    replaced(OtpEngine.class, () -> otp);
    replaced(ScopeCatalog.class, ScopeCatalog::unit);
    CustomerTokenService service =
        CustomerTokenService.builder()
            .directory(DIRECTORY)
            .otpEngine(otp)
            .minter(minter)
            .authorizer(authorizer)
            .build();
    replaced(CustomerTokenService.class, () -> service);
    JsonApiEndpoints endpoints = JsonApiEndpoints.builder().authorizer(authorizer).build();
    replaced(JsonApiEndpoints.class, () -> endpoints);
  }

  private <T> void replaced(Class<T> type, Supplier<T> own) {
    T bean = own.get();
    withHostBeans()
        .withBean("hosts", type, () -> bean)
        .run(context -> assertThat(context).getBean(type).isSameAs(bean));
  }
}
