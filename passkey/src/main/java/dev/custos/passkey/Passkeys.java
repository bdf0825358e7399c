package dev.custos.passkey;

import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.Customer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.customer.PasskeyVerifier;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.DeviceChallenge;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.VerificationResult;
import dev.custos.scopes.Scope;
import dev.custos.scopes.TokenRole;
import dev.custos.token.VerifiedToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A platform's passkeys: enrolment (registration options, then the browser's new credential),
 * listing and deletion, and the {@link PasskeyVerifier} that lets {@code CustomerTokenService} mint
 * a two-factor token on a passkey's assertion ({@code channel: "passkey"}).
 *
 * <p>Every challenge, registration's and assertion's, is an OTP engine device challenge: single use
 * (consumed atomically, in memory or on Redis), expiring with the engine's challenge lifetime, its
 * failures counted towards the same attempts and lockout as codes. User verification is required in
 * both ceremonies; attestation is {@code none} (a passkey proves possession of its key, not who
 * made the authenticator); a signature counter that does not move forward is refused and reported
 * to the {@link PasskeyListener} as a possible clone.
 *
 * <p><b>Enrolment is itself sensitive</b>: a passkey mints two-factor tokens from then on, so it
 * takes the authority to mint them, {@code customer-token-write}: an org token with it (the
 * platform vouching for the customer), or a customer token of this customer with it whose
 * two-factor verification is at most {@link PasskeysBuilder#enrolmentWindow} (5 minutes) old; a
 * token bound to an authorized user cannot enrol the customer's passkeys. Deleting takes the same;
 * listing takes {@code customers}.
 *
 * <p>Instances are thread-safe.
 */
public final class Passkeys implements PasskeyVerifier {
  private static final Logger log = LoggerFactory.getLogger(Passkeys.class);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final int TIMEOUT_MILLIS = 300_000;

  private final PasskeyRelyingParty relyingParty;
  private final PasskeyStore store;
  private final OtpEngine otp;
  private final RequestAuthorizer authorizer;
  private final CustomerDirectory directory;
  private final Clock clock;
  private final PasskeyListener listener;
  private final Duration enrolmentWindow;
  private final int maxPerCustomer;
  private final Scope readScope;
  private final Scope writeScope;
  private final WebAuthnCeremonies ceremonies;

  Passkeys(PasskeysBuilder b) {
    this.relyingParty = b.relyingParty;
    this.store = b.store;
    this.otp = b.otp;
    this.authorizer = b.authorizer;
    this.directory = b.directory;
    this.clock = b.clock;
    this.listener = b.listener;
    this.enrolmentWindow = b.enrolmentWindow;
    this.maxPerCustomer = b.maxPerCustomer;
    this.readScope = b.catalog.find("customers").orElseThrow();
    this.writeScope = b.catalog.find("customer-token-write").orElseThrow();
    this.ceremonies = new WebAuthnCeremonies(b.relyingParty);
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static PasskeysBuilder builder() {
    return new PasskeysBuilder();
  }

  /**
   * Starts enrolling a passkey: a device challenge, and the options for {@code
   * navigator.credentials.create()}: the relying party, a user handle that is a MAC of the customer
   * id (never the id), the allowed algorithms, the customer's passkeys excluded, resident key
   * preferred, user verification required, attestation {@code none}.
   *
   * @param caller the caller; see the class documentation for who may enrol
   * @param customerId the customer
   * @return the registration: token, expiry, creation options
   * @throws ApiException 403 {@code forbidden} or {@code recent_verification_required}; 404 {@code
   *     customer_not_found}; 403 {@code customer_not_active}; 429 {@code limits_exceeded}; 503
   *     {@code state_unavailable}
   */
  public PasskeyRegistration startRegistration(VerifiedToken caller, String customerId)
      throws ApiException {
    authorizeEnrolment(caller, customerId);
    DeviceChallenge challenge = PasskeyFailures.startChallenge(otp, customerId);
    List<PasskeyCredential> existing = PasskeyFailures.stored(() -> store.list(customerId));
    return new PasskeyRegistration(
        challenge.verificationToken(),
        challenge.expiresAt(),
        PasskeyOptions.creation(
            relyingParty, customerId, challenge.challenge(), existing, TIMEOUT_MILLIS));
  }

  /**
   * Registers the browser's new credential for a registration {@link #startRegistration} started:
   * the registration's challenge is consumed only by a credential that passes every check.
   *
   * @param caller the caller, as for {@link #startRegistration} (checked again)
   * @param customerId the customer
   * @param verificationToken the registration's token
   * @param credential the browser's {@code PublicKeyCredential} as JSON ({@code toJSON()})
   * @param name the customer's name for the passkey, at most 64 characters; empty for none
   * @return the registered passkey
   * @throws ApiException as {@link #startRegistration}; 400 with a {@code passkey_*} code at its
   *     pointer under {@code /data/attributes/credential}; 409 {@code passkey_already_registered};
   *     400 {@code verification_*} for a used, expired or unknown registration
   */
  public PasskeyCredential register(
      VerifiedToken caller,
      String customerId,
      String verificationToken,
      Map<String, Object> credential,
      String name)
      throws ApiException {
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(name, "name");
    authorizeEnrolment(caller, customerId);
    if (name.length() > PasskeyCredential.MAX_NAME_LENGTH
        || name.chars().anyMatch(Character::isISOControl)) {
      throw BrowserCredential.invalid("name", "name is at most 64 characters, none a control");
    }
    BrowserCredential browser = BrowserCredential.registration("credential", credential);
    PasskeyCredential[] made = new PasskeyCredential[1];
    ApiException[] refusal = new ApiException[1];
    VerificationResult result =
        PasskeyFailures.verifyDevice(
            otp,
            customerId,
            verificationToken,
            challenge -> {
              try {
                made[0] =
                    ceremonies.register(customerId, challenge, browser, clock.instant(), name);
                return true;
              } catch (ApiException e) {
                refusal[0] = e;
                return false;
              }
            });
    PasskeyFailures.settle(result, refusal[0], "credential");
    PasskeyCredential passkey = made[0];
    if (!PasskeyFailures.stored(() -> store.add(passkey, maxPerCustomer))) {
      boolean known =
          PasskeyFailures.stored(() -> store.find(customerId, passkey.credentialId())).isPresent();
      throw known
          ? new ApiException(
              ApiError.of(
                      ApiErrorCode.PASSKEY_ALREADY_REGISTERED,
                      "this passkey is already registered for the customer")
                  .atAttribute("credential", "id"))
          : BrowserCredential.invalid(
              "credential", "the customer has " + maxPerCustomer + " passkeys already");
    }
    log.info(
        "passkey registered: customer={}, alg={}, backupEligible={}",
        customerId,
        passkey.algorithm(),
        passkey.backupEligible());
    PasskeyFailures.tell(() -> listener.registered(passkey));
    return passkey;
  }

  /**
   * Lists a customer's passkeys.
   *
   * @param caller an org token with {@code customers}, or this customer's token with it
   * @param customerId the customer
   * @return the passkeys, oldest first
   * @throws ApiException 403 {@code forbidden}; 503 {@code state_unavailable}
   */
  public List<PasskeyCredential> list(VerifiedToken caller, String customerId) throws ApiException {
    authorizer.delegation().authorizeCustomerCaller(caller, customerId, readScope, readScope);
    return PasskeyFailures.stored(() -> store.list(customerId));
  }

  /**
   * Deletes one of a customer's passkeys.
   *
   * @param caller as for enrolment
   * @param customerId the customer
   * @param credentialId the passkey's id, base64url
   * @throws ApiException as for enrolment; 404 {@code not_found} for no such passkey of the
   *     customer
   */
  public void delete(VerifiedToken caller, String customerId, String credentialId)
      throws ApiException {
    authorizeEnrolment(caller, customerId);
    byte[] id = PasskeyFailures.credentialId(credentialId);
    if (id == null || !PasskeyFailures.stored(() -> store.delete(customerId, id))) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.NOT_FOUND, "the customer has no such passkey"));
    }
    log.info("passkey deleted: customer={}", customerId);
    PasskeyFailures.tell(() -> listener.deleted(customerId, B64.encodeToString(id)));
  }

  @Override
  public void requireEnrolled(String customerId) throws ApiException {
    if (PasskeyFailures.stored(() -> store.list(customerId)).isEmpty()) {
      throw BrowserCredential.invalid("channel", "the customer has no passkey: enrol one first");
    }
  }

  @Override
  public Map<String, Object> requestOptions(String customerId, byte[] challenge)
      throws ApiException {
    List<PasskeyCredential> mine = PasskeyFailures.stored(() -> store.list(customerId));
    if (mine.isEmpty()) {
      throw BrowserCredential.invalid("channel", "the customer has no passkey: enrol one first");
    }
    return PasskeyOptions.request(relyingParty, challenge, mine, TIMEOUT_MILLIS);
  }

  @Override
  public void verify(String customerId, byte[] challenge, Map<String, Object> assertion)
      throws ApiException {
    BrowserCredential browser = BrowserCredential.assertion("passkeyAssertion", assertion);
    PasskeyCredential stored =
        PasskeyFailures.stored(() -> store.find(customerId, browser.id))
            .orElseThrow(() -> unknownCredential(browser.idPath()));
    // The handle a discoverable passkey returns names its user: it must be this customer.
    if (browser.userHandle != null
        && !java.security.MessageDigest.isEqual(
            browser.userHandle, relyingParty.userHandle(customerId))) {
      throw unknownCredential("passkeyAssertion", "response", "userHandle");
    }
    AuthenticatorData<?> said;
    try {
      said = ceremonies.authenticate(challenge, browser, stored);
    } catch (ApiException e) {
      if (e.error().code() == ApiErrorCode.PASSKEY_COUNTER_REGRESSED) {
        counterRegressed(stored, -1);
      }
      throw e;
    }
    long counter = said.getSignCount();
    if (!PasskeyFailures.stored(
        () -> store.advanceCounter(customerId, browser.id, counter, said.isFlagBS()))) {
      counterRegressed(stored, counter);
      throw WebAuthnCeremonies.error(
          ApiErrorCode.PASSKEY_COUNTER_REGRESSED,
          "the passkey's signature counter did not move forward: it may have been cloned",
          browser.authenticatorDataPath());
    }
  }

  private void counterRegressed(PasskeyCredential stored, long seen) {
    log.warn(
        "passkey counter did not move forward (possible clone): customer={}, passkey={}",
        stored.customerId(),
        stored);
    PasskeyFailures.tell(() -> listener.counterRegressed(stored, seen));
  }

  private static ApiException unknownCredential(String... path) {
    return WebAuthnCeremonies.error(
        ApiErrorCode.PASSKEY_UNKNOWN_CREDENTIAL, "no passkey of this customer has this id", path);
  }

  /** Who may change a customer's passkeys: see the class documentation. */
  void authorizeEnrolment(VerifiedToken caller, String customerId) throws ApiException {
    authorizer.delegation().authorizeCustomerCaller(caller, customerId, writeScope, writeScope);
    if (caller.role() == TokenRole.CUSTOMER) {
      if (caller.authorizedUser().isPresent()) {
        throw new ApiException(
            ApiError.of(
                ApiErrorCode.FORBIDDEN,
                "an authorized user's token cannot change the customer's passkeys"));
      }
      Instant at = caller.twoFactorVerifiedAt().orElse(null);
      if (at == null || at.isBefore(clock.instant().minus(enrolmentWindow))) {
        throw new ApiException(
            ApiError.of(
                ApiErrorCode.RECENT_VERIFICATION_REQUIRED,
                "passkeys are changed with a customer token verified in the last "
                    + enrolmentWindow.toMinutes()
                    + " minutes, or an org token"));
      }
    }
    Customer customer = directory.find(customerId).orElse(null);
    if (customer == null) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.CUSTOMER_NOT_FOUND, "no customer with this id"));
    }
    if (!customer.active()) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.CUSTOMER_NOT_ACTIVE, "the customer is not active"));
    }
  }

  @Override
  public String toString() {
    return "Passkeys[" + relyingParty + ", store=" + store + "]";
  }
}
