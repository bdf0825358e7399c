package dev.custos.passkey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-process {@link PasskeyStore}: a map per customer under one lock (registrations and counter
 * updates are rare next to the work around them), bounded in all.
 */
final class InMemoryPasskeyStore implements PasskeyStore {
  private final int maxCredentials;
  private final Map<String, Map<String, PasskeyCredential>> byCustomer = new HashMap<>();
  private int size;

  InMemoryPasskeyStore(int maxCredentials) {
    if (maxCredentials < 1) {
      throw new IllegalArgumentException("maxCredentials must be positive");
    }
    this.maxCredentials = maxCredentials;
  }

  @Override
  public synchronized boolean add(PasskeyCredential credential, int maxPerCustomer) {
    Map<String, PasskeyCredential> mine =
        byCustomer.computeIfAbsent(credential.customerId(), c -> new LinkedHashMap<>());
    String id = credential.credentialIdBase64Url();
    if (mine.containsKey(id) || mine.size() >= maxPerCustomer) {
      return false;
    }
    if (size >= maxCredentials) {
      if (mine.isEmpty()) {
        byCustomer.remove(credential.customerId());
      }
      throw new PasskeyStoreException(
          PasskeyStoreException.Reason.FULL, "the in-memory passkey store is full", null);
    }
    mine.put(id, credential);
    size++;
    return true;
  }

  @Override
  public synchronized List<PasskeyCredential> list(String customerId) {
    Map<String, PasskeyCredential> mine = byCustomer.get(customerId);
    if (mine == null) {
      return List.of();
    }
    List<PasskeyCredential> all = new ArrayList<>(mine.values());
    all.sort(Comparator.comparing(PasskeyCredential::createdAt));
    return List.copyOf(all);
  }

  @Override
  public synchronized Optional<PasskeyCredential> find(String customerId, byte[] credentialId) {
    Map<String, PasskeyCredential> mine = byCustomer.get(customerId);
    return mine == null ? Optional.empty() : Optional.ofNullable(mine.get(key(credentialId)));
  }

  @Override
  public synchronized boolean delete(String customerId, byte[] credentialId) {
    Map<String, PasskeyCredential> mine = byCustomer.get(customerId);
    if (mine == null || mine.remove(key(credentialId)) == null) {
      return false;
    }
    size--;
    if (mine.isEmpty()) {
      byCustomer.remove(customerId);
    }
    return true;
  }

  @Override
  public synchronized boolean advanceCounter(
      String customerId, byte[] credentialId, long signCount, boolean backedUp) {
    Map<String, PasskeyCredential> mine = byCustomer.get(customerId);
    PasskeyCredential current = mine == null ? null : mine.get(key(credentialId));
    if (current == null || !CounterRule.advances(current.signCount(), signCount)) {
      return false;
    }
    mine.put(current.credentialIdBase64Url(), current.withCounter(signCount, backedUp));
    return true;
  }

  private static String key(byte[] credentialId) {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(credentialId);
  }

  @Override
  public String toString() {
    return "InMemoryPasskeyStore[max=" + maxCredentials + "]";
  }
}
