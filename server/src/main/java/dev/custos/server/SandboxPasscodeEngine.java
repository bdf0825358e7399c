package dev.custos.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.DeviceChallenge;
import dev.custos.otp.DeviceProof;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpStartException;
import dev.custos.otp.OtpStats;
import dev.custos.otp.Phone;
import dev.custos.otp.RateLimitedException;
import dev.custos.otp.Transaction;
import dev.custos.otp.VerificationChallenge;
import dev.custos.otp.VerificationResult;
import java.time.Duration;

/**
 * Unit's sandbox convenience: the passcode {@value #PASSCODE} passes any pending verification. It
 * stands in for the code the sandbox sender recorded for that verification, so every other rule
 * (expiry, single use, attempts) still applies. Only the sandbox server, started with {@code
 * --sandbox-passcode}, ever builds one.
 */
final class SandboxPasscodeEngine implements OtpEngine {
  static final String PASSCODE = "000001";

  private final OtpEngine delegate;
  private final SandboxSender sender;
  private final Cache<String, String> codes =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  SandboxPasscodeEngine(OtpEngine delegate, SandboxSender sender) {
    this.delegate = delegate;
    this.sender = sender;
  }

  @Override
  public synchronized VerificationChallenge start(ChallengeRequest request)
      throws OtpStartException {
    VerificationChallenge challenge = delegate.start(request);
    String code = sender.lastCodeFor(request.customerId());
    if (code != null) {
      codes.put(challenge.verificationToken(), code);
    }
    return challenge;
  }

  @Override
  public VerificationResult verify(
      String customerId,
      String verificationToken,
      String code,
      Phone sentTo,
      Transaction transaction) {
    String actual =
        PASSCODE.equals(code) && verificationToken != null
            ? codes.getIfPresent(verificationToken)
            : null;
    return delegate.verify(
        customerId, verificationToken, actual != null ? actual : code, sentTo, transaction);
  }

  @Override
  public DeviceChallenge startDeviceChallenge(String customerId, Transaction transaction)
      throws RateLimitedException {
    return delegate.startDeviceChallenge(customerId, transaction);
  }

  /** A device proves itself: the sandbox passcode stands in for no device. */
  @Override
  public VerificationResult verifyDevice(
      String customerId, String verificationToken, Transaction transaction, DeviceProof proof) {
    return delegate.verifyDevice(customerId, verificationToken, transaction, proof);
  }

  @Override
  public OtpStats stats() {
    return delegate.stats();
  }

  @Override
  public void unlock(String customerId) {
    delegate.unlock(customerId);
  }
}
