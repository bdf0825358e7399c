package dev.custos.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.CollectedClientDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadAlgorithmException;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.BadTopOriginException;
import com.webauthn4j.verifier.exception.CrossOriginException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.MissingChallengeException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two WebAuthn ceremonies on webauthn4j: every format (client data JSON, CBOR authenticator
 * data and attestation objects, COSE keys) is webauthn4j's to read and every rule its to check;
 * this class chooses the rules (user verification required, the relying party's origins, id and
 * algorithms, attestation not trusted for provenance) and turns each failure into its own error
 * code at its own pointer. Thread-safe: webauthn4j's manager and converters are.
 *
 * <p>Every call into webauthn4j on a client's bytes is a parser boundary: besides its documented
 * {@code DataConversionException}, a hostile input makes it throw other unchecked exceptions (an
 * {@code UncheckedIOException} for a CBOR map key over Jackson's name bound, found by {@code
 * PasskeyFuzzTest}), and each is that input being malformed, never a fault of the server's.
 */
final class WebAuthnCeremonies {
  private final ObjectConverter converter = new ObjectConverter();
  // Non-strict: attestation statements are checked for consistency, but no trust path is
  // required (the "none" attestation policy: a passkey proves possession, not provenance).
  private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
  private final CollectedClientDataConverter clientData =
      new CollectedClientDataConverter(converter);
  private final AuthenticatorDataConverter authenticatorData =
      new AuthenticatorDataConverter(converter);
  private final AttestationObjectConverter attestationObjects =
      new AttestationObjectConverter(converter);
  private final PasskeyRelyingParty relyingParty;
  private final Set<Origin> origins;
  private final List<PublicKeyCredentialParameters> algorithms;

  WebAuthnCeremonies(PasskeyRelyingParty relyingParty) {
    this.relyingParty = relyingParty;
    this.origins = relyingParty.origins().stream().map(Origin::create).collect(Collectors.toSet());
    this.algorithms =
        relyingParty.algorithms().stream()
            .map(
                a ->
                    new PublicKeyCredentialParameters(
                        PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.create(a)))
            .toList();
  }

  /**
   * Checks a registration and returns the new passkey (not yet stored).
   *
   * @throws ApiException its own code at its pointer under the credential's attribute
   */
  PasskeyCredential register(
      String customerId,
      byte[] challenge,
      BrowserCredential credential,
      java.time.Instant now,
      String name)
      throws ApiException {
    readClientData(credential);
    try {
      attestationObjects.convert(credential.authenticatorData);
    } catch (RuntimeException e) {
      throw malformedAuthenticatorData(credential);
    }
    RegistrationData data;
    try {
      data =
          manager.verify(
              new RegistrationRequest(
                  credential.authenticatorData, credential.clientDataJson, credential.transports),
              new RegistrationParameters(serverProperty(challenge), algorithms, true, true));
    } catch (VerificationException e) {
      throw refusal(e, credential);
    } catch (RuntimeException e) {
      throw malformedAuthenticatorData(credential);
    }
    AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
    AttestedCredentialData attested = authenticator.getAttestedCredentialData();
    if (attested == null) {
      throw malformedAuthenticatorData(credential);
    }
    if (!java.util.Arrays.equals(attested.getCredentialId(), credential.id)) {
      throw BrowserCredential.invalid(
          credential.attribute, "id is not the credential the authenticator attested", "id");
    }
    COSEKey key = attested.getCOSEKey();
    return PasskeyCredential.of(
        customerId,
        attested.getCredentialId(),
        converter.getCborConverter().writeValueAsBytes(key),
        (int) key.getAlgorithm().getValue(),
        authenticator.getSignCount(),
        authenticator.isFlagBE(),
        authenticator.isFlagBS(),
        credential.transports,
        now,
        name);
  }

  /**
   * Checks an assertion of a stored passkey and returns what it said (its counter and backup
   * state), which the caller records.
   *
   * @throws ApiException its own code at its pointer under the assertion's attribute; {@code
   *     passkey_counter_regressed} for a counter that did not move forward
   */
  AuthenticatorData<?> authenticate(
      byte[] challenge, BrowserCredential assertion, PasskeyCredential stored) throws ApiException {
    readClientData(assertion);
    try {
      authenticatorData.convert(assertion.authenticatorData);
    } catch (RuntimeException e) {
      throw malformedAuthenticatorData(assertion);
    }
    COSEKey key;
    try {
      key = converter.getCborConverter().readValue(stored.publicKey(), COSEKey.class);
    } catch (DataConversionException e) {
      throw new IllegalStateException("a stored passkey's public key does not parse", e);
    }
    CredentialRecordImpl record =
        new CredentialRecordImpl(
            new NoneAttestationStatement(),
            true,
            stored.backupEligible(),
            stored.backedUp(),
            stored.signCount(),
            new AttestedCredentialData(AAGUID.ZERO, stored.credentialId(), key),
            null,
            null,
            null,
            null);
    AuthenticationData data;
    try {
      data =
          manager.verify(
              new AuthenticationRequest(
                  assertion.id,
                  assertion.userHandle,
                  assertion.authenticatorData,
                  assertion.clientDataJson,
                  assertion.signature),
              new AuthenticationParameters(
                  serverProperty(challenge), record, List.of(stored.credentialId()), true, true));
    } catch (VerificationException e) {
      throw refusal(e, assertion);
    } catch (RuntimeException e) {
      throw malformedAuthenticatorData(assertion);
    }
    return data.getAuthenticatorData();
  }

  private ServerProperty serverProperty(byte[] challenge) {
    return ServerProperty.builder()
        .origins(origins)
        .rpId(relyingParty.id())
        .challenge(new DefaultChallenge(challenge))
        .build();
  }

  /** Client data that webauthn4j reads, with the members every ceremony needs. */
  private void readClientData(BrowserCredential credential) throws ApiException {
    CollectedClientData data;
    try {
      data = clientData.convert(credential.clientDataJson);
    } catch (RuntimeException e) {
      data = null;
    }
    if (data == null || data.getType() == null || data.getOrigin() == null) {
      throw error(
          ApiErrorCode.PASSKEY_MALFORMED_CLIENT_DATA,
          "clientDataJSON is not WebAuthn's client data",
          credential.clientDataPath());
    }
  }

  private static ApiException malformedAuthenticatorData(BrowserCredential credential) {
    return error(
        ApiErrorCode.PASSKEY_MALFORMED_AUTHENTICATOR_DATA,
        "the authenticator's data does not parse (CBOR, COSE)",
        credential.authenticatorDataPath());
  }

  /** webauthn4j's refusal as ours: one code and pointer per cause. */
  private static ApiException refusal(VerificationException e, BrowserCredential c) {
    if (e instanceof BadOriginException
        || e instanceof CrossOriginException
        || e instanceof BadTopOriginException) {
      return error(
          ApiErrorCode.PASSKEY_ORIGIN_MISMATCH,
          "the browser signed for an origin this platform does not serve",
          c.clientDataPath());
    }
    if (e instanceof BadRpIdException) {
      return error(
          ApiErrorCode.PASSKEY_RP_ID_MISMATCH,
          "the authenticator signed for another relying party",
          c.authenticatorDataPath());
    }
    if (e instanceof UserNotVerifiedException || e instanceof UserNotPresentException) {
      return error(
          ApiErrorCode.PASSKEY_USER_NOT_VERIFIED,
          "the authenticator did not verify the user (user verification is required)",
          c.authenticatorDataPath());
    }
    if (e instanceof BadChallengeException
        || e instanceof MissingChallengeException
        || e instanceof InconsistentClientDataTypeException) {
      return error(
          ApiErrorCode.PASSKEY_CHALLENGE_MISMATCH,
          "the browser signed another challenge or ceremony than this verification's",
          c.clientDataPath());
    }
    if (e instanceof BadSignatureException) {
      return error(
          ApiErrorCode.PASSKEY_SIGNATURE_INVALID,
          "the signature does not verify under the passkey's public key",
          c.signature == null ? c.authenticatorDataPath() : c.signaturePath());
    }
    if (e instanceof MaliciousCounterValueException) {
      return error(
          ApiErrorCode.PASSKEY_COUNTER_REGRESSED,
          "the passkey's signature counter did not move forward: it may have been cloned",
          c.authenticatorDataPath());
    }
    if (e instanceof NotAllowedAlgorithmException || e instanceof BadAlgorithmException) {
      return error(
          ApiErrorCode.PASSKEY_ALGORITHM_NOT_ALLOWED,
          "the passkey's key algorithm is not allowed here",
          c.authenticatorDataPath());
    }
    // The rest (attestation statements, backup flags, extensions) are malformed authenticator
    // output as far as the client can tell.
    return error(
        ApiErrorCode.PASSKEY_MALFORMED_AUTHENTICATOR_DATA,
        "the authenticator's data does not verify (" + e.getClass().getSimpleName() + ")",
        c.authenticatorDataPath());
  }

  static ApiException error(ApiErrorCode code, String detail, String... path) {
    return new ApiException(ApiError.of(code, detail).atAttribute(path));
  }
}
