package dev.custos.token;

import java.time.Instant;

/**
 * A verification key and until when tokens it signed are accepted: forever (null) for a ring's
 * active key and keys given directly, a deadline for a retired key.
 */
record AcceptedKey(VerificationKey key, Instant acceptedUntil) {
  boolean acceptedAt(Instant now) {
    return acceptedUntil == null || !now.isAfter(acceptedUntil);
  }
}
