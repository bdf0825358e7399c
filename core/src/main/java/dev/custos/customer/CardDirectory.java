package dev.custos.customer;

import java.util.Optional;

/**
 * How Custos looks up the host's cards, for cardholder tokens ({@link CardholderTokenService}):
 * which customer and account a card is under, and which phone it is registered to. One method, so a
 * lambda will do:
 *
 * <pre>{@code
 * CardDirectory cards = id -> cardRepository.findById(id).map(this::toCustosCard);
 * }</pre>
 *
 * <p>Implementations must be thread-safe and should be fast: the lookup runs on every cardholder
 * verification and token request.
 *
 * <p>Compatibility: a service provider interface, implemented by hosts. A minor release adds a
 * method to it only with a default that keeps existing implementations working.
 */
@FunctionalInterface
public interface CardDirectory {
  /**
   * Finds a card.
   *
   * @param cardId the id from the request path; may be anything a client sent
   * @return the card, or empty if there is none with this id
   */
  Optional<Card> find(String cardId);
}
