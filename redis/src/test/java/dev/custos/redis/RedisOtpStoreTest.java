package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.otp.spi.ChallengeRecord;
import dev.custos.otp.spi.OtpStore;
import dev.custos.otp.testing.OtpStoreContract;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.RedisServer;
import io.lettuce.core.cluster.SlotHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis OTP store meets the contract every store meets, on a real redis-server; and leaves
 * nothing without a time to live, with each operation's keys on one cluster slot.
 */
class RedisOtpStoreTest extends OtpStoreContract {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private static CustosRedis redis;

  @BeforeAll
  static void connect() {
    redis = CustosRedis.connect(REDIS.uri());
  }

  @AfterAll
  static void close() {
    redis.close();
  }

  @Override
  protected OtpStore store() {
    return redis.otpStore();
  }

  @Test
  void everyKey_otpAndRevocations_hasATimeToLive() throws Exception {
    OtpStore store = store();
    String customer = freshCustomer();
    long t = T0;
    store.acquireSend(OtpStore.Scope.CUSTOMER, customer, limit(), t);
    store.acquireSend(OtpStore.Scope.PHONE, "phone-id", limit(), t);
    store.acquireSend(OtpStore.Scope.GLOBAL, "global", limit(), t);
    store.putChallenge(customer, ChallengeRecord.of(new byte[16], new byte[16], t + 600_000, 5), t);
    store.check(customer, new byte[16], new byte[] {1}, t + 600_000, t, policy());
    long now = System.currentTimeMillis();
    redis.revocationStore().revokeToken("jti-" + customer, now + 60_000);
    redis.revocationStore().revokeCustomerTokens(customer, now, now + 86_400_000);

    List<String> keys = keys();
    assertThat(keys).isNotEmpty();
    for (String key : keys) {
      assertThat(ttl(key)).as("time to live of %s", key).isPositive();
    }
  }

  @Test
  void releaseSend_sendsOfOneMillisecond_takesBackItsOwnOnly() {
    OtpStore store = store();
    String customer = freshCustomer();
    dev.custos.otp.spi.SendLimit two =
        dev.custos.otp.spi.SendLimit.of(
            dev.custos.otp.RateLimit.CUSTOMER_SENDS,
            2,
            java.time.Duration.ofMinutes(10),
            java.time.Duration.ZERO);
    dev.custos.otp.spi.SendDecision first =
        store.acquireSend(OtpStore.Scope.CUSTOMER, customer, two, T0);
    store.acquireSend(OtpStore.Scope.CUSTOMER, customer, two, T0);

    store.releaseSend(OtpStore.Scope.CUSTOMER, customer, T0, first.sendId());
    store.releaseSend(OtpStore.Scope.CUSTOMER, customer, T0, first.sendId());

    assertThat(store.acquireSend(OtpStore.Scope.CUSTOMER, customer, two, T0 + 1).isAcquired())
        .isTrue();
    assertThat(store.acquireSend(OtpStore.Scope.CUSTOMER, customer, two, T0 + 2).refusedBy())
        .as("the other start's send of the same millisecond still counts")
        .isEqualTo(dev.custos.otp.RateLimit.CUSTOMER_SENDS);
  }

  @Test
  void keysOfOneOperation_shareOneClusterSlot() {
    Keys keys = new Keys("custos");
    Map<String, List<String>> operations = new TreeMap<>();
    operations.put(
        "acquire customer send",
        List.of(keys.sends(OtpStore.Scope.CUSTOMER, "100001"), keys.failures("100001")));
    operations.put("check code", List.of(keys.challenge("100001"), keys.failures("100001")));

    for (Map.Entry<String, List<String>> op : operations.entrySet()) {
      List<Integer> slots = new ArrayList<>();
      op.getValue().forEach(k -> slots.add(SlotHash.getSlot(k)));
      assertThat(slots).as(op.getKey()).containsOnly(slots.get(0));
    }
  }

  @Test
  void engineState_holdsNoCodeAndNoPhoneNumber() throws Exception {
    RecordingSender sender = new RecordingSender();
    OtpEngine engine = OtpEngine.builder().brand("Unit").sender(sender).store(store()).build();
    engine.start(ChallengeRequest.sms("100777", Phone.of("1", "5557654321")));
    String code = sender.lastCode();

    StringBuilder everything = new StringBuilder();
    for (String key : keys()) {
      everything.append(key).append('\n');
      String type = REDIS.command("TYPE", key).trim().substring(1);
      everything.append(
          switch (type) {
            case "hash" -> REDIS.command("HGETALL", key);
            case "zset" -> REDIS.command("ZRANGE", key, "0", "-1", "WITHSCORES");
            default -> REDIS.command("GET", key);
          });
    }

    // Whole tokens, so that a timestamp that happens to hold the code's digits is no false alarm.
    List<String> tokens = List.of(everything.toString().split("[^A-Za-z0-9+]+"));
    assertThat(tokens).contains("100777").doesNotContain(code, "5557654321", "15557654321");
    assertThat(everything.toString()).doesNotContain("5557654321");
  }

  static dev.custos.otp.spi.SendLimit limit() {
    return dev.custos.otp.spi.SendLimit.of(
        dev.custos.otp.RateLimit.PHONE_SENDS,
        5,
        java.time.Duration.ofMinutes(10),
        java.time.Duration.ZERO);
  }

  static dev.custos.otp.spi.LockoutPolicy policy() {
    return dev.custos.otp.spi.LockoutPolicy.of(
        20, java.time.Duration.ofMinutes(15), 100, java.time.Duration.ofDays(366));
  }

  static List<String> keys() throws Exception {
    return bulk(REDIS.command("KEYS", "*"));
  }

  static long ttl(String key) throws Exception {
    String reply = REDIS.command("PTTL", key).trim();
    return Long.parseLong(reply.substring(1));
  }

  /** The strings of a RESP array reply of bulk strings. */
  static List<String> bulk(String reply) {
    List<String> out = new ArrayList<>();
    String[] lines = reply.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].startsWith("$")) {
        out.add(lines[++i]);
      }
    }
    return out;
  }
}
