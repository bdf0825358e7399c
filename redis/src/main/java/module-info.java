/**
 * Shared security state on Redis: {@link dev.custos.redis.CustosRedis} connects once and gives the
 * {@link dev.custos.otp.spi.OtpStore} and the {@link dev.custos.authz.RevocationStore} that let
 * several instances of a host act as one.
 */
module dev.custos.redis {
  requires transitive dev.custos.otp;
  requires transitive dev.custos.core;
  requires lettuce.core;
  requires com.nimbusds.jose.jwt;
  requires org.slf4j;

  exports dev.custos.redis;
}
