package dev.custos.passkey;

import static dev.custos.passkey.PasskeyPlatform.INDIVIDUAL;
import static dev.custos.passkey.PasskeyPlatform.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.customer.CustomerTokenAttributes;
import dev.custos.customer.CustomerTokenService;
import dev.custos.customer.PasskeyVerification;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.passkey.testing.SoftwareAuthenticator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A credential store that does not answer: every passkey operation is a 503, nothing is registered
 * or approved, and a verification loses no attempt to the outage (the honest assertion passes once
 * the store is back).
 */
class PasskeyStoreOutageTest {
  private final PasskeyPlatform platform = new PasskeyPlatform();
  private final PasskeyStore memory = PasskeyStore.inMemory(100);
  private volatile boolean down;
  private final PasskeyStore flaky =
      new PasskeyStore() {
        private <T> T up(T value) {
          if (down) {
            throw new PasskeyStoreException(PasskeyStoreException.Reason.UNAVAILABLE, "down", null);
          }
          return value;
        }

        @Override
        public boolean add(PasskeyCredential credential, int maxPerCustomer) {
          return up(true) && memory.add(credential, maxPerCustomer);
        }

        @Override
        public List<PasskeyCredential> list(String customerId) {
          return up(memory.list(customerId));
        }

        @Override
        public Optional<PasskeyCredential> find(String customerId, byte[] credentialId) {
          return up(memory.find(customerId, credentialId));
        }

        @Override
        public boolean delete(String customerId, byte[] credentialId) {
          return up(true) && memory.delete(customerId, credentialId);
        }

        @Override
        public boolean advanceCounter(
            String customerId, byte[] credentialId, long signCount, boolean backedUp) {
          return up(true) && memory.advanceCounter(customerId, credentialId, signCount, backedUp);
        }
      };
  private final Passkeys passkeys =
      Passkeys.builder()
          .relyingParty(platform.relyingParty)
          .store(flaky)
          .otpEngine(platform.otp)
          .authorizer(platform.authorizer)
          .directory(platform.directory)
          .clock(platform.time)
          .build();
  private final CustomerTokenService service =
      CustomerTokenService.builder()
          .directory(platform.directory)
          .otpEngine(platform.otp)
          .minter(platform.minter)
          .authorizer(platform.authorizer)
          .passkeys(passkeys)
          .build();

  private String mint(PasskeyVerification v, Map<String, Object> assertion) throws Exception {
    return service
        .createToken(
            platform.org(),
            INDIVIDUAL,
            CustomerTokenAttributes.of("payments-write")
                .withVerificationToken(v.verificationToken())
                .withPasskeyAssertion(Json.write(assertion)))
        .token();
  }

  @Test
  void verification_storeDown_503ManyTimesThenTheAssertionStillMints() throws Exception {
    SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
    PasskeyRegistration started = passkeys.startRegistration(platform.org(), INDIVIDUAL);
    passkeys.register(
        platform.org(),
        INDIVIDUAL,
        started.verificationToken(),
        phone.register(started.creationOptions(), ORIGIN),
        "");
    PasskeyVerification v = service.createPasskeyVerification(platform.org(), INDIVIDUAL);
    Map<String, Object> assertion = phone.assertion(v.requestOptions(), ORIGIN);

    down = true;
    for (int i = 0; i < 10; i++) {
      assertThatExceptionOfType(ApiException.class)
          .isThrownBy(() -> mint(v, assertion))
          .satisfies(e -> assertThat(e.error().code()).isEqualTo(ApiErrorCode.STATE_UNAVAILABLE));
    }
    down = false;

    assertThat(mint(v, assertion)).startsWith("v2.public.");
  }

  @Test
  void enrolment_storeDown_503AndNothingRegistered() throws Exception {
    PasskeyRegistration started = passkeys.startRegistration(platform.org(), INDIVIDUAL);
    Map<String, Object> credential =
        SoftwareAuthenticator.es256().register(started.creationOptions(), ORIGIN);
    down = true;

    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(
            () ->
                passkeys.register(
                    platform.org(), INDIVIDUAL, started.verificationToken(), credential, ""))
        .satisfies(e -> assertThat(e.error().code()).isEqualTo(ApiErrorCode.STATE_UNAVAILABLE));
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> service.createPasskeyVerification(platform.org(), INDIVIDUAL))
        .satisfies(e -> assertThat(e.error().code()).isEqualTo(ApiErrorCode.STATE_UNAVAILABLE));
    down = false;
    assertThat(memory.list(INDIVIDUAL)).isEmpty();
  }
}
