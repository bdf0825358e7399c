/**
 * One-time-code verification for customer tokens: {@link dev.custos.otp.OtpEngine} starts
 * challenges (a six-digit code sent by SMS or voice call through a host-supplied {@link
 * dev.custos.otp.OtpSender}) and checks the codes that come back, under attempt, send and failure
 * limits.
 *
 * <p>Depends on no other Custos module.
 */
module dev.custos.otp {
  requires com.github.benmanes.caffeine;
  requires org.bouncycastle.provider;
  requires org.slf4j;

  exports dev.custos.otp;
  exports dev.custos.otp.spi;
}
