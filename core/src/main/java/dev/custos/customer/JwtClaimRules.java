package dev.custos.customer;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.custos.customer.JwtIdentityProvider.Refusal;
import dev.custos.customer.JwtIdentityProvider.RefusedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims a {@link JwtIdentityProvider} checks once the signature holds, each refusal with its
 * own reason. Immutable.
 */
final class JwtClaimRules {
  private final String issuer;
  private final String audience;
  private final Map<String, String> requiredClaims;
  private final Duration skew;
  private final Duration maxAge;

  JwtClaimRules(
      String issuer,
      String audience,
      Map<String, String> requiredClaims,
      Duration skew,
      Duration maxAge) {
    this.issuer = issuer;
    this.audience = audience;
    this.requiredClaims = new LinkedHashMap<>(requiredClaims);
    this.skew = skew;
    this.maxAge = maxAge;
  }

  /**
   * Issuer, audience, expiry, not-before, issue time, age and the required claims; returns the
   * issue time.
   */
  Instant check(JWTClaimsSet claims, Instant now) throws RefusedException {
    if (!issuer.equals(claims.getIssuer())) {
      throw new RefusedException(Refusal.ISSUER, "jwtToken is not issued by " + issuer);
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
      throw new RefusedException(Refusal.AUDIENCE, "jwtToken is not for this audience");
    }
    Date exp = claims.getExpirationTime();
    if (exp == null || !now.isBefore(exp.toInstant().plus(skew))) {
      throw new RefusedException(Refusal.EXPIRED, "jwtToken has expired or has no expiry");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.plus(skew).isBefore(nbf.toInstant())) {
      throw new RefusedException(Refusal.NOT_YET_VALID, "jwtToken is not valid yet (nbf)");
    }
    Date iat = claims.getIssueTime();
    if (iat == null || now.plus(skew).isBefore(iat.toInstant())) {
      throw new RefusedException(
          Refusal.ISSUED_AT, "jwtToken needs an iat that is not in the future");
    }
    if (iat.toInstant().plus(maxAge).plus(skew).isBefore(now)) {
      throw new RefusedException(
          Refusal.TOO_OLD, "jwtToken was issued more than " + maxAge.toSeconds() + " seconds ago");
    }
    for (Map.Entry<String, String> rule : requiredClaims.entrySet()) {
      if (!rule.getValue().equals(claims.getClaim(rule.getKey()))) {
        throw new RefusedException(
            Refusal.CLAIM, "jwtToken's " + rule.getKey() + " is not " + rule.getValue());
      }
    }
    return iat.toInstant();
  }
}
