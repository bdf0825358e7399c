package dev.custos.org;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Where org API token records live (never their values). The in-process default is {@link
 * #inMemory(Clock)}; hosts with several instances share one store. A record may be dropped once its
 * token has expired.
 *
 * <p>Implementations are thread-safe, and report a store they cannot reach, or a record they cannot
 * read back, by throwing {@link ApiTokenStoreException}: a damaged record is never passed over as
 * absent, since its token would then be neither listed nor revocable.
 *
 * <p>Compatibility: a service provider interface, implemented by hosts. A minor release adds a
 * method to it only with a default that keeps existing implementations working; a new abstract
 * method is a major release.
 */
public interface ApiTokenStore {
  /**
   * Stores a new record.
   *
   * @param token the record
   */
  void put(ApiToken token);

  /**
   * Returns a user's records that have not expired, oldest first.
   *
   * @param userId the user
   * @return the records
   */
  List<ApiToken> list(String userId);

  /**
   * Returns a user's record by its id, if it exists and has not expired.
   *
   * @param userId the user
   * @param id the token's id
   * @return the record, or empty (also for another user's token)
   */
  Optional<ApiToken> find(String userId, String id);

  /**
   * Deletes a user's record.
   *
   * @param userId the user
   * @param id the token's id
   * @return {@code true} if there was one
   */
  boolean delete(String userId, String id);

  /**
   * Returns a store in this process's memory, dropping records when their tokens expire.
   *
   * @param clock the clock expiry is reckoned by
   * @return a new, empty store, holding at most 100,000 records (full, it refuses new ones with
   *     {@link ApiTokenStoreException.Reason#FULL})
   * @throws NullPointerException if {@code clock} is null
   */
  static ApiTokenStore inMemory(Clock clock) {
    return new InMemoryApiTokenStore(clock);
  }
}
