package dev.custos.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.custos.customer.JwtIdentityProvider;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.JsonApiEndpoints;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sandbox's identity provider, so that Unit's {@code jwtToken} can be tried without one: an
 * ES256 key made at start (each server its own), its JWK Set at {@code GET /sandbox/idp/jwks.json},
 * and {@code POST /sandbox/idp/token} minting a JWT for a sample customer's subject (or its
 * authorized user's), for the sandbox admin only. Each JWT lives 5 minutes and carries {@code iss},
 * {@code sub}, {@code aud}, {@code iat}, {@code exp} and a random {@code jti}, so it meets every
 * rule a real provider's must (and is used once). Sandbox mode only. Thread-safe.
 */
final class SandboxIdentityProvider {
  /** The issuer of its JWTs. */
  static final String ISSUER = "custos-sandbox-idp";

  /** The audience its JWTs are for: this API. */
  static final String AUDIENCE = "custos-sandbox";

  private static final Duration LIFETIME = Duration.ofMinutes(5);

  private final ECKey key;
  private final ECDSASigner signer;
  private final Clock clock;
  private final Set<String> subjects;
  private final SandboxAdmin admin;
  private final SecureRandom random = new SecureRandom();

  SandboxIdentityProvider(Clock clock, Set<String> subjects, SandboxAdmin admin) {
    try {
      this.key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
      this.signer = new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("the JDK has no P-256", e);
    }
    this.clock = clock;
    this.subjects = Set.copyOf(subjects);
    this.admin = admin;
  }

  /** The verifying side, as {@code serve} trusts it in sandbox mode (without --jwt-issuer). */
  JwtIdentityProvider.Builder trust() {
    return JwtIdentityProvider.builder(ISSUER)
        .audience(AUDIENCE)
        .algorithms("ES256")
        .jwkSet(jwkSet())
        .maxAge(LIFETIME)
        .clock(clock);
  }

  /** {@code GET /sandbox/idp/jwks.json}: the public key. */
  String jwkSet() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /**
   * {@code POST /sandbox/idp/token}: a JWT for {@code data.attributes.subject}, one of the
   * fixtures' {@code jwtSubject}s, to the sandbox admin.
   */
  Reply token(Call call, JsonApiEndpoints api) throws ApiException {
    String authorization = call.authorization;
    if (authorization == null || admin.authenticate(authorization).isEmpty()) {
      throw new ApiException(
          ApiError.of(
                  ApiErrorCode.UNAUTHORIZED, "the sandbox identity provider serves the admin only")
              .withAuthenticate("Bearer"));
    }
    Map<String, Object> document = api.document(call.request);
    if (!(document.get("data") instanceof Map<?, ?> data)
        || !"sandboxJwt".equals(data.get("type"))) {
      throw invalid("data.type must be sandboxJwt", "data", "type");
    }
    if (!(data.get("attributes") instanceof Map<?, ?> attributes)
        || !(attributes.get("subject") instanceof String subject)) {
      throw invalid("data.attributes.subject is required", "data", "attributes", "subject");
    }
    if (!subjects.contains(subject)) {
      throw invalid(
          "subject must be a sample customer's jwtSubject, one of " + new TreeSet<>(subjects),
          "data",
          "attributes",
          "subject");
    }
    Instant now = clock.instant();
    byte[] jti = new byte[16];
    random.nextBytes(jti);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(subject)
            .audience(AUDIENCE)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .jwtID(Base64.getUrlEncoder().withoutPadding().encodeToString(jti))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("ES256 signing failed", e);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("jwt", jwt.serialize());
    out.put("expiresIn", LIFETIME.toSeconds());
    return SandboxBank.ok(201, Map.of("type", "sandboxJwt", "attributes", out));
  }

  private static ApiException invalid(String detail, String... path) {
    return new ApiException(ApiError.of(ApiErrorCode.INVALID_VALUE, detail).atMember(path));
  }

  @Override
  public String toString() {
    return "SandboxIdentityProvider[" + ISSUER + "]";
  }
}
