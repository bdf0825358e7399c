package dev.custos.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One server-side script: run by its SHA-1 (one round trip), loaded again when the server answers
 * NOSCRIPT (after a restart or {@code SCRIPT FLUSH}).
 */
final class Script {
  private final String name;
  private final String source;
  private volatile String sha;

  private Script(String name, String source) {
    this.name = name;
    this.source = source;
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
      RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
    String current = sha;
    if (current == null) {
      current = sha = redis.scriptLoad(source);
    }
    try {
      return redis.evalsha(current, type, keys, args);
    } catch (RedisNoScriptException e) {
      sha = redis.scriptLoad(source);
      return redis.evalsha(sha, type, keys, args);
    }
  }

  /** Runs the script, then waits until the replicas the deployment requires hold its writes. */
  <T> T run(
      RedisCommands<String, String> redis,
      Replication replication,
      ScriptOutputType type,
      String[] keys,
      String... args) {
    T result = run(redis, type, keys, args);
    replication.await(redis);
    return result;
  }

  /**
   * Sends the script without waiting, for pipelining; the caller waits, and on a NOSCRIPT failure
   * runs it again with {@link #run}, which loads it.
   */
  <T> RedisFuture<T> send(
      RedisAsyncCommands<String, String> redis,
      RedisCommands<String, String> sync,
      ScriptOutputType type,
      String[] keys,
      String... args) {
    String current = sha;
    if (current == null) {
      current = sha = sync.scriptLoad(source);
    }
    return redis.evalsha(current, type, keys, args);
  }

  @Override
  public String toString() {
    return "Script[" + name + "]";
  }
}
