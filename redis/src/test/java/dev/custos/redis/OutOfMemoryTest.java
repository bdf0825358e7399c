package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.authz.RevocationStore;
import dev.custos.org.ApiToken;
import dev.custos.org.ApiTokenStoreException;
import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpStoreException;
import dev.custos.otp.Phone;
import dev.custos.otp.RateLimit;
import dev.custos.otp.VerificationOutcome;
import dev.custos.otp.spi.ChallengeRecord;
import dev.custos.otp.spi.CheckResult;
import dev.custos.otp.spi.OtpStore;
import dev.custos.otp.spi.OtpStore.Scope;
import dev.custos.otp.spi.SendDecision;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.testing.FakeClock;
import dev.custos.testing.RedisServer;
import dev.custos.token.Resources;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis at {@code maxmemory} under {@code noeviction}, through every store operation: a check
 * decides nothing (right codes included), new state is refused as {@code FULL}, and what protects
 * (revocations, their announcement, removals, unlocks) still happens. Each test lowers {@code
 * maxmemory} below what the server uses with {@code CONFIG SET}, and puts it back after.
 */
class OutOfMemoryTest {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private static final byte[] MASTER_KEY = new byte[32];
  private static final AtomicInteger IDS = new AtomicInteger();

  // Now: records are written to expire at absolute times, which Redis reads on its own clock.
  private final FakeClock clock = FakeClock.at(java.time.Instant.now());
  private final RecordingSender sender = new RecordingSender();
  private final CustosRedis redis = CustosRedis.builder(REDIS.uri()).clock(clock).connect();
  private final OtpEngine engine =
      OtpEngine.builder()
          .brand("Unit")
          .sender(sender)
          .clock(clock)
          .masterKey(MASTER_KEY)
          .store(redis.otpStore())
          .build();

  @AfterEach
  void roomAgain() throws IOException {
    room();
    redis.close();
  }

  private static void full() throws IOException {
    assertThat(REDIS.command("CONFIG", "SET", "maxmemory", "1")).startsWith("+OK");
  }

  private static void room() throws IOException {
    assertThat(REDIS.command("CONFIG", "SET", "maxmemory", "0")).startsWith("+OK");
  }

  private static String fresh(String name) {
    return name + "-" + IDS.incrementAndGet();
  }

  private static Phone phone() {
    return Phone.of("1", Long.toString(5_550_100_000L + IDS.incrementAndGet()));
  }

  private static String wrong(String code, int i) {
    return String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
  }

  @Test
  void verify_outOfMemory_noGuessIsDecidedTheRightCodeIncluded() throws Exception {
    String customer = fresh("oom-guess");
    String token = engine.start(ChallengeRequest.sms(customer, phone())).verificationToken();
    String code = sender.lastCode();

    full();
    for (int i = 0; i < 12; i++) {
      int guess = i;
      assertThatExceptionOfType(OtpStoreException.class)
          .as("wrong guess %d while Redis is full", i)
          .isThrownBy(() -> engine.verify(customer, token, wrong(code, guess)))
          .satisfies(e -> assertThat(e.reason()).isEqualTo(OtpStoreException.Reason.FULL));
    }
    assertThatExceptionOfType(OtpStoreException.class)
        .as("the right code while Redis is full")
        .isThrownBy(() -> engine.verify(customer, token, code))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(OtpStoreException.Reason.FULL));

    room();
    // Nothing was compared while full, so nothing was spent: the challenge has its 5 attempts.
    assertThat(engine.verify(customer, token, wrong(code, 0)).attemptsLeft()).isEqualTo(4);
    for (int i = 1; i < 4; i++) {
      assertThat(engine.verify(customer, token, wrong(code, i)).outcome())
          .isEqualTo(VerificationOutcome.INCORRECT_CODE);
    }
    assertThat(engine.verify(customer, token, wrong(code, 4)).outcome())
        .isEqualTo(VerificationOutcome.MAX_ATTEMPTS_REACHED);
    assertThat(engine.verify(customer, token, code).outcome())
        .as("no approval after the fifth guess")
        .isEqualTo(VerificationOutcome.NOT_FOUND);
  }

  /**
   * The check's second rule, on its own: run as a script that declares nothing (Redis then refuses
   * only its first write that would need memory), a right code still approves nothing while Redis
   * is full, because the attempt is written before the codes are compared.
   */
  @Test
  void checkScript_withoutItsDeclaration_writesBeforeItCompares() throws Exception {
    String customer = fresh("oom-order");
    byte[] id = new byte[16];
    byte[] tag = new byte[16];
    tag[0] = 7;
    long now = clock.millis();
    redis.otpStore().putChallenge(customer, ChallengeRecord.of(id, tag, now + 600_000, 5), now);
    String source = script("check_code");
    String undeclared = source.substring(source.indexOf('\n') + 1);
    Keys keys = new Keys("custos");
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();

    RedisClient client = RedisClient.create(REDIS.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      full();
      assertThatExceptionOfType(RedisCommandExecutionException.class)
          .isThrownBy(
              () ->
                  connection
                      .sync()
                      .eval(
                          undeclared,
                          ScriptOutputType.MULTI,
                          new String[] {keys.challenge(customer), keys.failures(customer)},
                          b64.encodeToString(id),
                          b64.encodeToString(tag),
                          Long.toString(now + 600_000),
                          Long.toString(now),
                          "20",
                          "900000",
                          "100",
                          "31622400000",
                          "86400000"))
          .withMessageStartingWith("OOM");
    } finally {
      room();
      client.shutdown();
    }
    CheckResult untouched =
        redis.otpStore().check(customer, id, tag, now + 600_000, now, RedisOtpStoreTest.policy());
    assertThat(untouched.outcome()).isEqualTo(CheckResult.Outcome.APPROVED);
  }

  @Test
  void start_outOfMemory_refusedBeforeAnyCodeIsSent() throws Exception {
    full();

    assertThatExceptionOfType(OtpStoreException.class)
        .isThrownBy(() -> engine.start(ChallengeRequest.sms(fresh("oom-start"), phone())))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(OtpStoreException.Reason.FULL));
    assertThat(sender.messages()).isEmpty();
  }

  @Test
  void putChallenge_outOfMemory_refusedAsFull() throws Exception {
    OtpStore store = redis.otpStore();
    long now = clock.millis();
    full();

    assertThatExceptionOfType(OtpStoreException.class)
        .isThrownBy(
            () ->
                store.putChallenge(
                    fresh("oom-put"),
                    ChallengeRecord.of(new byte[16], new byte[16], now + 600_000, 5),
                    now))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(OtpStoreException.Reason.FULL));
  }

  @Test
  void releaseSend_outOfMemory_givesTheSendBack() throws Exception {
    OtpStore store = redis.otpStore();
    String customer = fresh("oom-release");
    dev.custos.otp.spi.SendLimit one =
        dev.custos.otp.spi.SendLimit.of(
            RateLimit.CUSTOMER_SENDS, 1, Duration.ofMinutes(10), Duration.ZERO);
    long now = clock.millis();
    SendDecision counted = store.acquireSend(Scope.CUSTOMER, customer, one, now);

    full();
    store.releaseSend(Scope.CUSTOMER, customer, now, counted.sendId());
    room();

    assertThat(store.acquireSend(Scope.CUSTOMER, customer, one, now + 1).isAcquired()).isTrue();
  }

  @Test
  void unlock_outOfMemory_endsTheLockout() throws Exception {
    OtpStore store = redis.otpStore();
    String customer = fresh("oom-unlock");
    dev.custos.otp.spi.LockoutPolicy lockAtOnce =
        dev.custos.otp.spi.LockoutPolicy.of(1, Duration.ofMinutes(15), 100, Duration.ofDays(1));
    long now = clock.millis();
    byte[] id = new byte[16];
    store.putChallenge(customer, ChallengeRecord.of(id, new byte[16], now + 600_000, 5), now);
    assertThat(store.check(customer, id, new byte[] {1}, now + 600_000, now, lockAtOnce).outcome())
        .isEqualTo(CheckResult.Outcome.INCORRECT_CODE);

    full();
    store.unlock(customer);
    room();

    assertThat(store.check(customer, id, new byte[] {1}, now + 600_000, now, lockAtOnce).outcome())
        .as("checked again, not locked")
        .isNotEqualTo(CheckResult.Outcome.CUSTOMER_LOCKED);
  }

  @Test
  void revocations_outOfMemory_recordedAndAnnounced() throws Exception {
    RevocationStore store = redis.revocationStore();
    AtomicInteger heard = new AtomicInteger();
    try (CustosRedis other = CustosRedis.builder(REDIS.uri()).clock(clock).connect()) {
      other.revocationStore().onRevocation(heard::incrementAndGet);
      String customer = fresh("oom-revoked");
      long now = clock.millis();
      String before = REDIS.command("GET", "custos:rev:{seq}");

      full();
      store.revokeToken("jti-" + customer, now + 60_000);
      store.revokeCustomerTokens(customer, now, now + 86_400_000);

      assertThat(store.isRevoked("jti-" + customer, null, now)).isTrue();
      assertThat(store.isRevoked("another", customer, now - 1)).isTrue();
      assertThat(REDIS.command("GET", "custos:rev:{seq}")).isNotEqualTo(before);
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (heard.get() < 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(heard.get()).as("announcements heard by another instance").isGreaterThan(1);
    }
  }

  @Test
  void apiTokens_outOfMemory_newRecordRefusedDeletionDone() throws Exception {
    var store = redis.apiTokenStore();
    ApiToken kept = apiToken(fresh("apitok_kept"));
    store.put(kept);

    full();
    assertThatExceptionOfType(ApiTokenStoreException.class)
        .isThrownBy(() -> store.put(apiToken(fresh("apitok_new"))))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ApiTokenStoreException.Reason.FULL));
    assertThat(store.delete(kept.userId(), kept.id())).isTrue();
    room();

    assertThat(store.list(kept.userId())).isEmpty();
  }

  @Test
  void jwtFirstUse_outOfMemory_refusedAsFull() throws Exception {
    full();

    assertThatExceptionOfType(dev.custos.customer.JwtReplayStoreException.class)
        .isThrownBy(
            () ->
                redis
                    .jwtReplayStore()
                    .firstUse("https://idp/", fresh("jti"), clock.millis() + 300_000))
        .satisfies(
            e ->
                assertThat(e.reason())
                    .isEqualTo(dev.custos.customer.JwtReplayStoreException.Reason.FULL));
  }

  private ApiToken apiToken(String id) {
    return new ApiToken(
        id,
        "oom-user",
        "oom",
        ScopeCatalog.unit().parse("customers"),
        clock.instant(),
        clock.instant().plus(Duration.ofHours(1)),
        null,
        Resources.unlimited());
  }

  /** Every script declares what it does when Redis is full; this table is the decision. */
  @Test
  void everyScript_declaresItsOutOfMemoryRule() throws Exception {
    String refused = "#!lua";
    String runs = "#!lua flags=allow-oom";
    Map<String, String> rules =
        Map.ofEntries(
            Map.entry("acquire_send", refused),
            Map.entry("put_challenge", refused),
            Map.entry("check_code", refused),
            Map.entry("put_api_token", refused),
            Map.entry("add_passkey", refused),
            Map.entry("advance_counter", refused),
            Map.entry("release_send", runs),
            Map.entry("withdraw_challenge", runs),
            Map.entry("revoke_token", runs),
            Map.entry("revoke_token_once", runs),
            Map.entry("revoke_customer", runs),
            Map.entry("announce_revocation", runs),
            Map.entry("delete_api_token", runs),
            Map.entry("delete_passkey", runs));
    java.nio.file.Path dir =
        java.nio.file.Path.of(OutOfMemoryTest.class.getResource("check_code.lua").toURI())
            .getParent();
    try (var files = java.nio.file.Files.list(dir)) {
      assertThat(
              files
                  .map(f -> f.getFileName().toString())
                  .filter(n -> n.endsWith(".lua"))
                  .map(n -> n.substring(0, n.length() - 4)))
          .as("scripts in the jar, each with a rule here")
          .containsExactlyInAnyOrderElementsOf(rules.keySet());
    }
    for (Map.Entry<String, String> rule : rules.entrySet()) {
      String source = script(rule.getKey());
      assertThat(source.substring(0, source.indexOf('\n')))
          .as("first line of %s", rule.getKey())
          .isEqualTo(rule.getValue());
    }
  }

  private static String script(String name) throws IOException {
    try (InputStream in = OutOfMemoryTest.class.getResourceAsStream(name + ".lua")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
