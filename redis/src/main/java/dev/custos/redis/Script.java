package dev.custos.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One server-side script: run by its SHA-1 (one round trip); where the server answers NOSCRIPT (a
 * restart, {@code SCRIPT FLUSH}, a promoted replica, a cluster master that never ran it) it is sent
 * whole with {@code EVAL}, which caches it there. Never {@code SCRIPT LOAD}: on a cluster that goes
 * to every node, and one node down or paused would fail it.
 */
final class Script {
  private final String name;
  private final String source;
  private final String sha;

  private Script(String name, String source) {
    this.name = name;
    this.source = source;
    this.sha = sha1Hex(source);
  }

  private static String sha1Hex(String source) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  static Script load(String name) {
    try (InputStream in = Script.class.getResourceAsStream(name + ".lua")) {
      if (in == null) {
        throw new IllegalStateException("script " + name + " is missing from the jar");
      }
      return new Script(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  <T> T run(
      RedisClusterCommands<String, String> redis,
      ScriptOutputType type,
      String[] keys,
      String... args) {
    try {
      return redis.evalsha(sha, type, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.eval(source, type, keys, args);
    }
  }

  /**
   * Runs the script as a security write: sent with the {@code WAIT} the deployment requires, on the
   * connection to the master of its first key (see {@link Replication}).
   */
  <T> T run(Replication replication, ScriptOutputType type, String[] keys, String... args) {
    try {
      return replication.write(keys[0], master -> master.evalsha(sha, type, keys, args));
    } catch (RedisNoScriptException e) {
      // Nothing ran, so nothing was waited for: send it whole, with its WAIT.
      return replication.write(keys[0], master -> master.eval(source, type, keys, args));
    }
  }

  /**
   * Sends the script by its digest without waiting, for pipelining; the caller waits, and on a
   * NOSCRIPT failure runs it again with {@link #run}, which sends it whole.
   */
  <T> RedisFuture<T> send(
      RedisClusterAsyncCommands<String, String> redis,
      ScriptOutputType type,
      String[] keys,
      String... args) {
    return redis.evalsha(sha, type, keys, args);
  }

  @Override
  public String toString() {
    return "Script[" + name + "]";
  }
}
