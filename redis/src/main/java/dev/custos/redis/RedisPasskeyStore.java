package dev.custos.redis;

import dev.custos.passkey.PasskeyCredential;
import dev.custos.passkey.PasskeyStore;
import dev.custos.passkey.PasskeyStoreException;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Customers' passkeys on Redis: one hash per customer, three fields per passkey (the encoded
 * credential, its latest counter, its backup state), added, advanced and deleted by one script
 * each; reads are one command.
 */
final class RedisPasskeyStore implements PasskeyStore {
  private static final Script ADD = Script.load("add_passkey");
  private static final Script ADVANCE = Script.load("advance_counter");
  private static final Script DELETE = Script.load("delete_passkey");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final Link link;
  private final Keys keys;
  private final Replication replication;

  RedisPasskeyStore(Link link, Keys keys, Replication replication) {
    this.link = link;
    this.keys = keys;
    this.replication = replication;
  }

  @Override
  public boolean add(PasskeyCredential credential, int maxPerCustomer) {
    Long added =
        call(
            () ->
                ADD.run(
                    replication,
                    ScriptOutputType.INTEGER,
                    new String[] {keys.passkeys(credential.customerId())},
                    credential.credentialIdBase64Url(),
                    credential.encode(),
                    Long.toString(credential.signCount()),
                    credential.backedUp() ? "1" : "0",
                    Integer.toString(maxPerCustomer)));
    return added != null && added == 1;
  }

  @Override
  public List<PasskeyCredential> list(String customerId) {
    Map<String, String> fields = call(() -> link.sync().hgetall(keys.passkeys(customerId)));
    List<PasskeyCredential> all = new ArrayList<>();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      if (f.getKey().startsWith("k:")) {
        String id = f.getKey().substring(2);
        all.add(read(f.getValue(), fields.get("n:" + id), fields.get("b:" + id)));
      }
    }
    all.sort(Comparator.comparing(PasskeyCredential::createdAt));
    return List.copyOf(all);
  }

  @Override
  public Optional<PasskeyCredential> find(String customerId, byte[] credentialId) {
    String id = B64.encodeToString(credentialId);
    List<KeyValue<String, String>> values =
        call(() -> link.sync().hmget(keys.passkeys(customerId), "k:" + id, "n:" + id, "b:" + id));
    if (values.isEmpty() || !values.get(0).hasValue()) {
      return Optional.empty();
    }
    return Optional.of(
        read(
            values.get(0).getValue(),
            values.get(1).getValueOrElse(null),
            values.get(2).getValueOrElse(null)));
  }

  @Override
  public boolean delete(String customerId, byte[] credentialId) {
    Long deleted =
        call(
            () ->
                DELETE.run(
                    replication,
                    ScriptOutputType.INTEGER,
                    new String[] {keys.passkeys(customerId)},
                    B64.encodeToString(credentialId)));
    return deleted != null && deleted > 0;
  }

  @Override
  public boolean advanceCounter(
      String customerId, byte[] credentialId, long signCount, boolean backedUp) {
    Long advanced =
        call(
            () ->
                ADVANCE.run(
                    replication,
                    ScriptOutputType.INTEGER,
                    new String[] {keys.passkeys(customerId)},
                    B64.encodeToString(credentialId),
                    Long.toString(signCount),
                    backedUp ? "1" : "0"));
    return advanced != null && advanced == 1;
  }

  /** A credential with its latest counter; one that does not read back is the store's fault. */
  private static PasskeyCredential read(String encoded, String counter, String backedUp) {
    try {
      PasskeyCredential c = PasskeyCredential.decode(encoded);
      return counter == null ? c : c.withCounter(Long.parseLong(counter), "1".equals(backedUp));
    } catch (IllegalArgumentException e) {
      throw new PasskeyStoreException(
          PasskeyStoreException.Reason.UNAVAILABLE, "a stored passkey does not read back", e);
    }
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (PasskeyStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      boolean full =
          e instanceof RedisCommandExecutionException
              && e.getMessage() != null
              && e.getMessage().startsWith("OOM");
      throw new PasskeyStoreException(
          full ? PasskeyStoreException.Reason.FULL : PasskeyStoreException.Reason.UNAVAILABLE,
          full ? "Redis is out of memory" : "Redis failed: " + e.getClass().getSimpleName(),
          e);
    }
  }

  @Override
  public String toString() {
    return "RedisPasskeyStore";
  }
}
