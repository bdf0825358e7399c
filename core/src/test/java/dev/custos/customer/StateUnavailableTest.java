package dev.custos.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.Channel;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpStoreException;
import dev.custos.otp.Phone;
import dev.custos.otp.spi.OtpStore;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A state store that cannot be reached fails both operations closed, with a 503. */
class StateUnavailableTest {
  /** Down entirely when {@link #down}; else it takes sends and challenges but never checks. */
  private volatile boolean down = true;

  private volatile OtpStoreException.Reason failure = OtpStoreException.Reason.UNAVAILABLE;

  private final OtpStore store =
      (OtpStore)
          Proxy.newProxyInstance(
              OtpStore.class.getClassLoader(),
              new Class<?>[] {OtpStore.class},
              (proxy, method, args) -> {
                if (method.isDefault()) {
                  return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                }
                if (!down && method.getName().equals("acquireSend")) {
                  return dev.custos.otp.spi.SendDecision.acquired();
                }
                if (!down && method.getName().equals("putChallenge")) {
                  return null;
                }
                throw new OtpStoreException(failure, "store down", null);
              });
  private final RecordingSender sender = new RecordingSender();
  private final KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
  private final TokenMinter minter = TokenMinter.builder().keyRing(keys).issuer("i").build();
  private final VerifiedToken org;
  private final CustomerTokenService service;

  StateUnavailableTest() throws Exception {
    OtpEngine otp = OtpEngine.builder().brand("Unit").sender(sender).store(store).build();
    Customer customer = Customer.individual("100001", Phone.of("1", "5555550101"));
    TokenVerifier verifier = TokenVerifier.builder().keyRing(keys).issuer("i").build();
    dev.custos.authz.RequestAuthorizer authorizer =
        dev.custos.authz.RequestAuthorizer.builder().verifier(verifier).build();
    service =
        CustomerTokenService.builder()
            .directory(id -> id.equals("100001") ? Optional.of(customer) : Optional.empty())
            .otpEngine(otp)
            .minter(minter)
            .authorizer(authorizer)
            .build();
    org =
        verifier.verify(
            minter
                .mint(TokenRequest.org(ScopeCatalog.unit().parse("customers customer-token-write")))
                .token());
  }

  @Test
  void createVerification_storeDown_503AndNothingSent() {
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(
            () -> service.createVerification(org, "100001", VerificationAttributes.of(Channel.SMS)))
        .satisfies(e -> assertThat(e.error().code()).isEqualTo(ApiErrorCode.STATE_UNAVAILABLE))
        .satisfies(e -> assertThat(e.error().retryAfter()).contains(Duration.ofSeconds(1)))
        .satisfies(
            e ->
                assertThat(e.error().detail())
                    .isEqualTo("verification state is unavailable; try again later"));
    assertThat(sender.messages()).isEmpty();
  }

  @Test
  void createVerification_storeFull_503SayingCapacity() {
    failure = OtpStoreException.Reason.FULL;

    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(
            () -> service.createVerification(org, "100001", VerificationAttributes.of(Channel.SMS)))
        .satisfies(
            e ->
                assertThat(e.error().detail())
                    .isEqualTo("verification state is at capacity; try again later"));
  }

  @Test
  void createToken_storeDownAtTheCheck_503AndNoToken() throws Exception {
    down = false;
    String verificationToken =
        service
            .createVerification(org, "100001", VerificationAttributes.of(Channel.SMS))
            .verificationToken();
    String code = sender.lastCode();
    CustomerTokenAttributes attributes =
        CustomerTokenAttributes.of("customers cards-write")
            .withVerificationToken(verificationToken)
            .withVerificationCode(code);

    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> service.createToken(org, "100001", attributes))
        .satisfies(e -> assertThat(e.error().code()).isEqualTo(ApiErrorCode.STATE_UNAVAILABLE));
  }
}
