package dev.custos.redis;

import dev.custos.otp.spi.OtpStore.Scope;

/**
 * Every key Custos writes, under one prefix. The keys of one operation share a hash tag (the part
 * in braces), so each operation's script runs on one slot of a Redis Cluster.
 */
final class Keys {
  private final String prefix;

  Keys(String prefix) {
    this.prefix = prefix;
  }

  String challenge(String customerId) {
    return prefix + ":otp:{c:" + customerId + "}:challenge";
  }

  String failures(String customerId) {
    return prefix + ":otp:{c:" + customerId + "}:failures";
  }

  String sends(Scope scope, String id) {
    return switch (scope) {
      case CUSTOMER -> prefix + ":otp:{c:" + id + "}:sends";
      case PHONE -> prefix + ":otp:{p:" + id + "}:sends";
      case GLOBAL -> prefix + ":otp:{global}:sends";
    };
  }

  String revokedToken(String tokenId) {
    return prefix + ":rev:{t:" + tokenId + "}";
  }

  String revokedCustomer(String customerId) {
    return prefix + ":rev:{u:" + customerId + "}";
  }

  /** A counter every revocation moves: the fallback that pub/sub messages cannot lose. */
  String revocationSequence() {
    return prefix + ":rev:{seq}";
  }

  String apiToken(String userId, String id) {
    return prefix + ":org:{u:" + userId + "}:token:" + id;
  }

  String apiTokens(String userId) {
    return prefix + ":org:{u:" + userId + "}:tokens";
  }

  /** A used JWT id, by the digest of its issuer and id: its own slot. */
  String usedJwt(String digest) {
    return prefix + ":jwt:{" + digest + "}";
  }

  /** A customer's passkeys: one hash, under the customer's own tag (as its challenge is). */
  String passkeys(String customerId) {
    return prefix + ":pk:{c:" + customerId + "}";
  }

  String revocationChannel() {
    return prefix + ":revocations";
  }
}
