/**
 * Shared security state on Redis: {@link dev.custos.redis.CustosRedis} connects once and gives the
 * {@link dev.custos.otp.spi.OtpStore} and the {@link dev.custos.authz.RevocationStore} that let
 * several instances of a host act as one.
 */
module dev.custos.redis {
  requires transitive dev.custos.otp;
  requires transitive dev.custos.core;
  // Optional: only RedisPasskeys (and the store it makes) touch it, for hosts with passkeys.
  requires static transitive dev.custos.passkey;
  requires lettuce.core;
  requires com.nimbusds.jose.jwt;
  requires org.slf4j;

  exports dev.custos.redis;
}
