package dev.custos.otp;

import static dev.custos.otp.TestEngines.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.FakeClock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;

/** Many threads at one challenge: single use and the attempt limit must hold. */
class OtpEngineConcurrencyTest {
  private static final int THREADS = 32;
  private static final String CUSTOMER = "100042";

  private final FakeClock time = FakeClock.create();
  private final RecordingSender sender = new RecordingSender();
  private final OtpEngine engine = TestEngines.unlimited(time, sender).build();

  @RepeatedTest(20)
  void verify_rightCodeFromManyThreads_exactlyOneApproved() throws Exception {
    VerificationChallenge challenge = engine.start(ChallengeRequest.sms(CUSTOMER, PHONE));
    String code = sender.lastCode();

    Map<VerificationOutcome, Integer> outcomes =
        race(() -> engine.verify(CUSTOMER, challenge.verificationToken(), code).outcome());

    assertThat(outcomes)
        .containsEntry(VerificationOutcome.APPROVED, 1)
        .containsEntry(VerificationOutcome.NOT_FOUND, THREADS - 1)
        .hasSize(2);
  }

  @RepeatedTest(20)
  void verify_wrongCodesFromManyThreads_exactlyFiveCounted() throws Exception {
    VerificationChallenge challenge = engine.start(ChallengeRequest.sms(CUSTOMER, PHONE));
    String wrong = sender.lastCode().equals("000000") ? "000001" : "000000";

    Map<VerificationOutcome, Integer> outcomes =
        race(() -> engine.verify(CUSTOMER, challenge.verificationToken(), wrong).outcome());

    assertThat(outcomes)
        .containsEntry(VerificationOutcome.INCORRECT_CODE, 4)
        .containsEntry(VerificationOutcome.MAX_ATTEMPTS_REACHED, 1)
        .containsEntry(VerificationOutcome.NOT_FOUND, THREADS - 5)
        .hasSize(3);
  }

  private static Map<VerificationOutcome, Integer> race(Callable<VerificationOutcome> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch ready = new CountDownLatch(THREADS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<VerificationOutcome>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return call.call();
                }));
      }
      ready.await();
      go.countDown();
      Map<VerificationOutcome, Integer> counts = new EnumMap<>(VerificationOutcome.class);
      for (Future<VerificationOutcome> future : futures) {
        counts.merge(future.get(), 1, Integer::sum);
      }
      return counts;
    } finally {
      pool.shutdownNow();
    }
  }
}
