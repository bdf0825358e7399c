package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When a security write counts: only once the replicas acknowledged it on the connection that
 * carried it. A lone Redis has no replica, so a write that needs one never counts here; a lost
 * connection while the write was under way makes it not count either.
 */
class ReplicationTest {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  /** A script that answers as a cluster node answers a key of a slot it no longer serves. */
  private static final String MOVED = "return redis.error_reply('MOVED 1 127.0.0.1:1')";

  private static RedisClient client;
  private static StatefulRedisConnection<String, String> connection;

  @BeforeAll
  static void connect() {
    client = RedisClient.create(REDIS.uri());
    connection = client.connect();
  }

  @AfterAll
  static void close() {
    connection.close();
    client.shutdown();
  }

  @Test
  void write_noReplicaRequired_returnsTheReply() {
    Replication none = Replication.of(new StubLink(), 0, Duration.ZERO, Duration.ofSeconds(2));

    String reply = none.write("k1", master -> master.set("k1", "v"));

    assertThat(reply).isEqualTo("OK");
  }

  @Test
  void write_fewerReplicasThanRequired_notReplicatedAndTheWriteWasMade() {
    Replication one =
        Replication.of(new StubLink(), 1, Duration.ofMillis(50), Duration.ofSeconds(2));

    assertThatExceptionOfType(Replication.NotReplicatedException.class)
        .isThrownBy(() -> one.write("k2", master -> master.set("k2", "v")))
        .withMessage("0 of 1 replicas acknowledged the write within 50 ms");
    assertThat(connection.sync().get("k2")).isEqualTo("v");
  }

  @Test
  void write_connectionLostWhileUnderWay_notReplicated() {
    StubLink link = new StubLink();
    Replication one = Replication.of(link, 1, Duration.ofMillis(50), Duration.ofSeconds(2));

    assertThatExceptionOfType(Replication.NotReplicatedException.class)
        .isThrownBy(
            () ->
                one.write(
                    "k3",
                    master -> {
                      link.disconnects.incrementAndGet();
                      return master.set("k3", "v");
                    }))
        .withMessage("a connection to Redis was lost while the write was waited on");
  }

  @Test
  void write_slotMoved_asksTheClusterAgainThenWritesAndWaits() {
    StubLink link = new StubLink();
    AtomicInteger attempts = new AtomicInteger();
    Replication one = Replication.of(link, 1, Duration.ofMillis(50), Duration.ofSeconds(2));

    assertThatExceptionOfType(Replication.NotReplicatedException.class)
        .isThrownBy(
            () ->
                one.write(
                    "k4",
                    master ->
                        attempts.incrementAndGet() == 1
                            ? master.eval(MOVED, ScriptOutputType.STATUS)
                            : master.set("k4", "v")))
        .withMessageStartingWith("0 of 1 replicas");
    assertThat(link.refreshes).hasValue(1);
    assertThat(connection.sync().get("k4")).isEqualTo("v");
  }

  @Test
  void write_movedTwice_failsWithRedisError() {
    StubLink link = new StubLink();
    Replication one = Replication.of(link, 1, Duration.ofMillis(50), Duration.ofSeconds(2));

    assertThatExceptionOfType(RedisCommandExecutionException.class)
        .isThrownBy(() -> one.write("k5", master -> master.eval(MOVED, ScriptOutputType.STATUS)))
        .withMessageStartingWith("MOVED");
    assertThat(link.refreshes).hasValue(1);
  }

  /** One connection to the test's Redis; counts disconnects and topology refreshes by hand. */
  private static final class StubLink implements Link {
    final AtomicLong disconnects = new AtomicLong();
    final AtomicInteger refreshes = new AtomicInteger();

    @Override
    public RedisClusterCommands<String, String> sync() {
      return connection.sync();
    }

    @Override
    public RedisClusterAsyncCommands<String, String> async() {
      return connection.async();
    }

    @Override
    public void subscribe(String channel, Runnable onMessage) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void checkNodes() {}

    @Override
    public StatefulRedisConnection<String, String> masterOf(String key) {
      return connection;
    }

    @Override
    public void refreshTopology() {
      refreshes.incrementAndGet();
    }

    @Override
    public long disconnects(StatefulRedisConnection<String, String> connection) {
      return disconnects.get();
    }

    @Override
    public String topology() {
      return "stub";
    }

    @Override
    public String describe() {
      return "stub";
    }

    @Override
    public void close() {}
  }
}
