package dev.custos.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.customer.CustomerDirectory;
import dev.custos.customer.CustomerTokenService;
import dev.custos.customer.PasskeyVerifier;
import dev.custos.error.ApiException;
import dev.custos.otp.OtpSender;
import dev.custos.passkey.PasskeyRelyingParty;
import dev.custos.passkey.PasskeyStore;
import dev.custos.passkey.Passkeys;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.spring.security.CustosAuthorities;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.TwoFactorMethod;
import dev.custos.token.VerifiedToken;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/** Every condition of the passkeys' auto-configuration, and the factor a passkey token carries. */
class CustosPasskeyAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  CustosAutoConfiguration.class, CustosPasskeyAutoConfiguration.class))
          .withPropertyValues(
              "custos.key.value=" + CustosAutoConfigurationTest.KEY.exportSecretPaserk())
          .withBean(CustomerDirectory.class, () -> CustosAutoConfigurationTest.DIRECTORY)
          .withBean(OtpSender.class, () -> CustosAutoConfigurationTest.SENDER);

  private static final String[] PASSKEYS = {
    "custos.passkeys.rp-id=bank.example",
    "custos.passkeys.rp-name=Example Bank",
    "custos.passkeys.origins=https://bank.example,https://app.bank.example"
  };

  @Test
  void noRpId_noPasskeys_serviceRefusesTheChannel() {
    runner.run(
        context -> {
          assertThat(context).doesNotHaveBean(Passkeys.class).doesNotHaveBean(PasskeyStore.class);
          assertThat(refusal(context.getBean(CustomerTokenService.class), context).error().detail())
              .isEqualTo("passkeys are not enabled on this platform");
        });
  }

  @Test
  void rpIdAndOrigins_passkeysInMemoryAndTheServiceTakesThem() {
    runner
        .withPropertyValues(PASSKEYS)
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(Passkeys.class)
                  .hasSingleBean(PasskeyStore.class)
                  .hasSingleBean(PasskeyRelyingParty.class);
              assertThat(context.getBean(PasskeyRelyingParty.class).origins())
                  .containsExactlyInAnyOrder("https://bank.example", "https://app.bank.example");
              assertThat(context.getBean(PasskeyVerifier.class))
                  .isSameAs(context.getBean(Passkeys.class));
              // The service asks the passkeys: this customer has none yet.
              assertThat(
                      refusal(context.getBean(CustomerTokenService.class), context)
                          .error()
                          .detail())
                  .isEqualTo("the customer has no passkey: enrol one first");
            });
  }

  @Test
  void withoutThePasskeyModule_nothing() {
    runner
        .withPropertyValues(PASSKEYS)
        .withClassLoader(new FilteredClassLoader(Passkeys.class))
        .run(context -> assertThat(context).doesNotHaveBean("custosPasskeys"));
  }

  @Test
  void hostsOwnStoreAndRelyingParty_usedNotReplaced() {
    PasskeyStore own = PasskeyStore.inMemory(5);
    runner
        .withPropertyValues(PASSKEYS)
        .withBean(PasskeyStore.class, () -> own)
        .run(
            context -> {
              assertThat(context.getBean(PasskeyStore.class)).isSameAs(own);
              assertThat(context).hasSingleBean(Passkeys.class);
            });
  }

  @Test
  void originNotOnTheRpId_startFails() {
    runner
        .withPropertyValues(
            "custos.passkeys.rp-id=bank.example", "custos.passkeys.origins=https://evil.example")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("is not on the relying party id"));
  }

  @Test
  void authorities_passkeyTokenHasWebAuthnFactorAtItsVerificationTime_codeTokenHasNot()
      throws Exception {
    runner.run(
        context -> {
          TokenMinter minter = context.getBean(TokenMinter.class);
          TokenVerifier verifier = context.getBean(TokenVerifier.class);
          Instant at =
              minter
                  .clock()
                  .instant()
                  .minusSeconds(90)
                  .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
          VerifiedToken passkey =
              verifier.verify(
                  minter
                      .mint(
                          TokenRequest.customer(
                                  "100001", ScopeCatalog.unit().parse("payments-write"))
                              .twoFactorVerified(TwoFactorMethod.PASSKEY, at))
                      .token());
          VerifiedToken code =
              verifier.verify(
                  minter
                      .mint(
                          TokenRequest.customer(
                                  "100001", ScopeCatalog.unit().parse("payments-write"))
                              .twoFactorVerified(TwoFactorMethod.CODE, at))
                      .token());

          assertThat(CustosAuthorities.of(passkey))
              .filteredOn(a -> a.getAuthority().equals(FactorGrantedAuthority.WEBAUTHN_AUTHORITY))
              .singleElement()
              .satisfies(a -> assertThat(((FactorGrantedAuthority) a).getIssuedAt()).isEqualTo(at));
          assertThat(CustosAuthorities.of(passkey))
              .extracting(GrantedAuthority::getAuthority)
              .contains(CustosAuthorities.TWO_FACTOR);
          assertThat(CustosAuthorities.of(code))
              .extracting(GrantedAuthority::getAuthority)
              .contains(CustosAuthorities.TWO_FACTOR)
              .doesNotContain(CustosAuthorities.WEBAUTHN);
        });
  }

  private static ApiException refusal(
      CustomerTokenService service, org.springframework.context.ApplicationContext context) {
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(
            () ->
                service.createPasskeyVerification(
                    context
                        .getBean(TokenVerifier.class)
                        .verify(
                            context
                                .getBean(TokenMinter.class)
                                .mint(
                                    TokenRequest.org(
                                        ScopeCatalog.unit()
                                            .parse("customers customer-token-write")))
                                .token()),
                    "100001"))
        .actual();
  }
}
