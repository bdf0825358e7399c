package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.authz.RevocationStore;
import dev.custos.authz.RevocationStoreException;
import dev.custos.otp.OtpStoreException;
import dev.custos.otp.spi.ChallengeRecord;
import dev.custos.otp.spi.OtpStore;
import dev.custos.testing.RedisServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connection's own duties: refusing unsafe servers, typed failures, scripts, cleanup. */
class CustosRedisTest {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private static final long T0 = System.currentTimeMillis();
  private final List<CustosRedis> connections = new ArrayList<>();

  private CustosRedis connect() {
    CustosRedis redis = CustosRedis.connect(REDIS.uri());
    connections.add(redis);
    return redis;
  }

  @AfterEach
  void restore() throws Exception {
    connections.forEach(CustosRedis::close);
    REDIS.command("CONFIG", "SET", "maxmemory-policy", "noeviction");
    REDIS.command("CONFIG", "SET", "maxmemory", "0");
  }

  @Test
  void connect_serverThatEvictsKeys_refused() throws Exception {
    REDIS.command("CONFIG", "SET", "maxmemory-policy", "allkeys-lru");

    assertThatIllegalStateException()
        .isThrownBy(() -> CustosRedis.connect(REDIS.uri()))
        .withMessageContaining("maxmemory-policy allkeys-lru");
  }

  @Test
  void connect_serverThatEvictsKeys_allowedExplicitly_connectsAndWorks() throws Exception {
    REDIS.command("CONFIG", "SET", "maxmemory-policy", "allkeys-lru");

    CustosRedis redis = CustosRedis.builder(REDIS.uri()).allowEvictingNodes(true).connect();
    connections.add(redis);

    redis.check();
    redis.revocationStore().revokeToken("evicting-ok", System.currentTimeMillis() + 60_000);
    assertThat(redis.revocationStore().isRevoked("evicting-ok", null, 0)).isTrue();
  }

  @Test
  void check_healthy_passes_evictingOrDown_refusedSayingWhy() throws Exception {
    CustosRedis redis = connect();
    redis.check();

    REDIS.command("CONFIG", "SET", "maxmemory-policy", "volatile-lru");
    assertThatIllegalStateException()
        .isThrownBy(redis::check)
        .withMessageContaining("maxmemory-policy volatile-lru");
    REDIS.command("CONFIG", "SET", "maxmemory-policy", "noeviction");

    REDIS.stop();
    try {
      assertThatIllegalStateException()
          .isThrownBy(redis::check)
          .withMessageStartingWith(
              "Redis at redis://127.0.0.1:" + REDIS.port() + " does not answer");
    } finally {
      REDIS.start();
    }
    assertThat(redis.toString()).doesNotContain("password");
  }

  @Test
  void connect_redisBefore7_refusedNamingTheVersion() {
    assertThatIllegalStateException()
        .isThrownBy(() -> Deployment.requireVersion("# Server\r\nredis_version:6.2.14\r\n"))
        .withMessageStartingWith("Redis 6.2 is too old: Custos needs Redis 7 or newer");
    Deployment.requireVersion("# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\n");
    Deployment.requireVersion("# Server\r\nredis_version:10.0.0\r\n");
  }

  @Test
  void outOfMemory_checkReportsFull() throws Exception {
    CustosRedis redis = connect();
    redis
        .otpStore()
        .putChallenge("oom", ChallengeRecord.of(new byte[16], new byte[16], T0 + 60_000, 5), T0);
    // A check is refused before it runs when Redis is full (OutOfMemoryTest has every script).
    REDIS.command("CONFIG", "SET", "maxmemory", "1");

    assertThatExceptionOfType(OtpStoreException.class)
        .isThrownBy(
            () ->
                redis
                    .otpStore()
                    .check(
                        "oom",
                        new byte[16],
                        new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                        T0 + 60_000,
                        T0,
                        RedisOtpStoreTest.policy()))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(OtpStoreException.Reason.FULL))
        .withMessage("Redis is out of memory");
  }

  @Test
  void scriptsFlushedByTheServer_reloadedOnBothPaths() throws Exception {
    CustosRedis redis = connect();
    OtpStore store = redis.otpStore();
    store.putChallenge("flush", ChallengeRecord.of(new byte[16], new byte[16], T0 + 60_000, 5), T0);
    redis.revocationStore().revokeToken("flush-1", T0 + 60_000);

    REDIS.command("SCRIPT", "FLUSH");

    assertThat(pipedPhoneSend(redis, "flush").get(0).isAcquired()).as("pipelined path").isTrue();
    REDIS.command("SCRIPT", "FLUSH");
    assertThat(
            store
                .check(
                    "flush",
                    new byte[16],
                    new byte[16],
                    T0 + 60_000,
                    T0,
                    RedisOtpStoreTest.policy())
                .outcome())
        .as("synchronous path")
        .isEqualTo(dev.custos.otp.spi.CheckResult.Outcome.APPROVED);
    REDIS.command("SCRIPT", "FLUSH");
    redis.revocationStore().revokeToken("flush-2", T0 + 60_000);
    assertThat(redis.revocationStore().isRevoked("flush-2", null, T0)).isTrue();
  }

  @Test
  void isRevoked_customerCutoff_earlierTokensOnlyAndOrgTokensNever() {
    RevocationStore store = connect().revocationStore();
    store.revokeCustomerTokens("cut", T0, T0 + 3_600_000);

    assertThat(store.isRevoked("t1", "cut", T0 - 1)).isTrue();
    assertThat(store.isRevoked("t2", "cut", T0)).isFalse();
    assertThat(store.isRevoked("t3", "other", T0 - 1)).isFalse();
    assertThat(store.isRevoked("t4", null, T0 - 1)).isFalse();
    store.revokeToken("t5", T0 + 3_600_000);
    assertThat(store.isRevoked("t5", null, T0)).isTrue();
    assertThat(store.isRevoked("t5", "cut", T0)).isTrue();
  }

  @Test
  void revokeCustomerTokens_keptUntilItsDeadlineOnly() throws Exception {
    connect()
        .revocationStore()
        .revokeCustomerTokens("ttl", T0, System.currentTimeMillis() + 7_200_000);

    long ttl =
        Long.parseLong(
            REDIS.command("PTTL", new Keys("custos").revokedCustomer("ttl")).trim().substring(1));

    assertThat(ttl).isBetween(7_200_000L - 10_000, 7_200_000L);
  }

  @Test
  void revocationChannel_namedByThePrefix() throws Exception {
    connect();
    connections.add(CustosRedis.builder(REDIS.uri()).keyPrefix("tenant-b").connect());

    assertThat(REDIS.command("PUBSUB", "CHANNELS"))
        .contains("custos:revocations")
        .contains("tenant-b:revocations");
  }

  @Test
  void close_releasesConnectionsAndTheStoresFailTyped() throws Exception {
    java.util.Set<String> before = clientIds();
    CustosRedis redis = CustosRedis.connect(REDIS.uri());
    java.util.Set<String> ours = clientIds();
    ours.removeAll(before);
    assertThat(ours).as("a command and a pub/sub connection").hasSize(2);
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("custos-redis-revocations"))
                .allMatch(Thread::isDaemon))
        .isTrue();

    redis.close();

    // The server notices closed sockets on its own schedule: wait for it, boundedly.
    long deadline = System.nanoTime() + 2_000_000_000L;
    java.util.Set<String> left = clientIds();
    left.retainAll(ours);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      left = clientIds();
      left.retainAll(ours);
    }
    assertThat(left).as("connections left open").isEmpty();
    assertThatExceptionOfType(OtpStoreException.class)
        .isThrownBy(() -> redis.otpStore().unlock("closed"))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(OtpStoreException.Reason.UNAVAILABLE))
        .withMessageMatching("Redis failed: [A-Za-z]+Exception");
    assertThatExceptionOfType(RevocationStoreException.class)
        .isThrownBy(() -> redis.revocationStore().isRevoked("t", "c", T0))
        .satisfies(
            e -> assertThat(e.reason()).isEqualTo(RevocationStoreException.Reason.UNAVAILABLE));
  }

  private static java.util.Set<String> clientIds() throws Exception {
    // CLIENT LIST answers one line per connection: "id=7 addr=... cmd=..."; not the asking one.
    java.util.Set<String> ids = new java.util.HashSet<>();
    REDIS
        .command("CLIENT", "LIST")
        .lines()
        .filter(l -> l.contains("id=") && !l.contains("cmd=client|list"))
        .forEach(l -> ids.add(l.substring(l.indexOf("id="), l.indexOf(' ', l.indexOf("id=")))));
    return ids;
  }

  @Test
  void fireDue_counterMovedOrRecheckDue_only() {
    long recheck = Duration.ofSeconds(60).toNanos();
    long t = 1_000_000_000_000L;

    assertThat(RevocationPoll.fireDue("7", "6", t, t, recheck)).as("the counter moved").isTrue();
    assertThat(RevocationPoll.fireDue("1", null, t, t, recheck)).as("a first revocation").isTrue();
    assertThat(RevocationPoll.fireDue("7", "7", t + recheck - 1, t, recheck)).isFalse();
    assertThat(RevocationPoll.fireDue("7", "7", t + recheck, t, recheck))
        .as("recheck due")
        .isTrue();
    assertThat(RevocationPoll.fireDue(null, null, t + 1, t, recheck)).isFalse();
  }

  @Test
  void failures_outOfMemoryIsFullAnythingElseUnavailable() {
    var oom =
        new io.lettuce.core.RedisCommandExecutionException(
            "OOM command not allowed when used memory > 'maxmemory'.");
    var other = new io.lettuce.core.RedisCommandExecutionException("ERR something else");

    assertThat(Failures.otp(oom).reason()).isEqualTo(OtpStoreException.Reason.FULL);
    assertThat(Failures.otp(other).reason()).isEqualTo(OtpStoreException.Reason.UNAVAILABLE);
    assertThat(Failures.revocation(oom).reason()).isEqualTo(RevocationStoreException.Reason.FULL);
    assertThat(Failures.revocation(new IllegalStateException()).reason())
        .isEqualTo(RevocationStoreException.Reason.UNAVAILABLE);
    assertThat(Failures.jwt(oom).reason())
        .isEqualTo(dev.custos.customer.JwtReplayStoreException.Reason.FULL);
    assertThat(
            Failures.jwt(new io.lettuce.core.RedisCommandExecutionException((String) null))
                .reason())
        .isEqualTo(dev.custos.customer.JwtReplayStoreException.Reason.UNAVAILABLE);
    assertThat(Failures.jwt(other)).hasMessage("Redis failed: RedisCommandExecutionException");
    assertThat(Failures.apiToken(oom).reason())
        .isEqualTo(dev.custos.org.ApiTokenStoreException.Reason.FULL);
    assertThat(Failures.apiToken(other).reason())
        .isEqualTo(dev.custos.org.ApiTokenStoreException.Reason.UNAVAILABLE);
  }

  @Test
  void builder_boundsAndUris() {
    CustosRedis.Builder b = CustosRedis.builder(REDIS.uri());

    assertThat(
            b.keyPrefix("a")
                .keyPrefix("A-z_0.9:" + "x".repeat(56))
                .timeout(Duration.ofMillis(10))
                .timeout(Duration.ofSeconds(60))
                .revocationPollInterval(Duration.ofMillis(10))
                .revocationPollInterval(Duration.ofSeconds(10))
                .revocationRecheckInterval(Duration.ofSeconds(1))
                .revocationRecheckInterval(Duration.ofHours(1)))
        .isSameAs(b);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.revocationRecheckInterval(Duration.ofMillis(999)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.revocationRecheckInterval(Duration.ofHours(1).plusMillis(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                CustosRedis.builder(REDIS.uri())
                    .revocationPollInterval(Duration.ofSeconds(5))
                    .revocationRecheckInterval(Duration.ofMillis(4_999))
                    .connect())
        .withMessage("revocationRecheckInterval must not be shorter than revocationPollInterval");
    CustosRedis.builder(REDIS.uri())
        .revocationPollInterval(Duration.ofSeconds(5))
        .revocationRecheckInterval(Duration.ofSeconds(5))
        .connect()
        .close();
    assertThatIllegalArgumentException().isThrownBy(() -> b.keyPrefix("x".repeat(65)));
    assertThatIllegalArgumentException().isThrownBy(() -> b.keyPrefix("a b"));
    assertThatIllegalArgumentException().isThrownBy(() -> b.timeout(Duration.ofMillis(9)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.timeout(Duration.ofSeconds(60).plusMillis(1)))
        .withMessage("timeout must be PT0.01S to PT1M");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.revocationPollInterval(Duration.ofSeconds(10).plusMillis(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CustosRedis.connect("http://127.0.0.1:6379"))
        .withMessage("a Redis URI starts with redis://, rediss:// or redis-sentinel://");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CustosRedis.connect("redis://"))
        .withMessage("not a valid Redis URI");
  }

  @Test
  void connect_unreachable_messageNamesTheServerButNotThePassword() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    for (String scheme : new String[] {"redis", "rediss"}) {
      String uri = scheme + "://:s3cret-pass@127.0.0.1:" + port;
      assertThatIllegalStateException()
          .isThrownBy(() -> CustosRedis.builder(uri).timeout(Duration.ofMillis(200)).connect())
          .withMessage("cannot connect to Redis at " + scheme + "://127.0.0.1:" + port);
    }
  }

  @Test
  void revoke_ownListenersRunOnTheCallersThreadBeforeItReturns() {
    CustosRedis redis =
        CustosRedis.builder(REDIS.uri()).revocationPollInterval(Duration.ofSeconds(10)).connect();
    connections.add(redis);
    Thread caller = Thread.currentThread();
    java.util.concurrent.atomic.AtomicInteger heardHere =
        new java.util.concurrent.atomic.AtomicInteger();
    // The pub/sub echo arrives on Lettuce's thread; only the direct call runs on this one.
    redis
        .revocationStore()
        .onRevocation(
            () -> {
              if (Thread.currentThread() == caller) {
                heardHere.incrementAndGet();
              }
            });

    redis.revocationStore().revokeToken("own", T0 + 60_000);

    assertThat(heardHere).hasValue(1);
  }

  @Test
  void isRevoked_orgTokenIsNotTheCustomerNamedNull() {
    RevocationStore store = connect().revocationStore();
    store.revokeCustomerTokens("null", T0, T0 + 3_600_000);

    assertThat(store.isRevoked("org-token", null, T0 - 1)).isFalse();
    assertThat(store.isRevoked("customer-token", "null", T0 - 1)).isTrue();
  }

  @Test
  void storesAndConnection_toStringShowNoAddressOrSecret() {
    CustosRedis redis = connect();

    assertThat(redis)
        .hasToString(
            "CustosRedis[RedisOtpStore, RedisRevocationStore, RedisApiTokenStore,"
                + " RedisJwtReplayStore]");
    assertThat(redis.otpStore().pendingChallenges()).isEqualTo(-1);
  }

  @Test
  void interruptedWhileWaitingForRedis_typedFailureAndTheInterruptKept() throws Exception {
    CustosRedis redis = connect();
    // Scripts loaded first, so that each call only sends and then waits for the reply.
    pipedPhoneSend(redis, "i0");
    redis.revocationStore().isRevoked("t", "c", T0);
    // The server holds every command for 300 ms (shorter than a connect's timeout, so that the
    // tests after this one are not refused): the interrupt meets the wait, not a reply.
    REDIS.command("CLIENT", "PAUSE", "300", "ALL");
    try {
      Thread.currentThread().interrupt();
      assertThatExceptionOfType(RevocationStoreException.class)
          .isThrownBy(() -> redis.revocationStore().isRevoked("t", "c", T0))
          .withMessageStartingWith("Redis failed: ");
      assertThat(Thread.interrupted()).isTrue();

      Thread.currentThread().interrupt();
      assertThatExceptionOfType(OtpStoreException.class)
          .isThrownBy(() -> pipedPhoneSend(redis, "i1"))
          .withMessageStartingWith("Redis failed: ");
      assertThat(Thread.interrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void acquireSends_corruptedWindow_typedFailureWithoutARetry() throws Exception {
    CustosRedis redis = connect();
    pipedPhoneSend(redis, "warm");
    REDIS.command("SET", new Keys("custos").sends(OtpStore.Scope.PHONE, "wrongtype"), "x");
    REDIS.command("CONFIG", "RESETSTAT");

    assertThatExceptionOfType(OtpStoreException.class)
        .isThrownBy(() -> pipedPhoneSend(redis, "wrongtype"))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(OtpStoreException.Reason.UNAVAILABLE));
    assertThat(REDIS.command("INFO", "commandstats"))
        .as("one script call: only a lost script is sent again")
        .contains("cmdstat_evalsha:calls=1,");
  }

  /** One phone send through the pipelined path the engine uses. */
  private static List<dev.custos.otp.spi.SendDecision> pipedPhoneSend(
      CustosRedis redis, String phoneId) {
    return redis
        .otpStore()
        .acquireSends(
            List.of(
                dev.custos.otp.spi.SendSlot.of(
                    OtpStore.Scope.PHONE, phoneId, RedisOtpStoreTest.limit())),
            T0);
  }
}
