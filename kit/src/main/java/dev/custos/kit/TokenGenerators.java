package dev.custos.kit;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiException;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.scopes.TokenRole;
import dev.custos.token.KeyRing;
import dev.custos.token.MintedToken;
import dev.custos.token.PasetoVersion;
import dev.custos.token.Resources;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Generators of customer tokens for a platform's keys, issuer and clock: valid ones (any customer,
 * any customer scopes, two-factor verified when they need it, any lifetime up to 24 hours) and
 * tampered ones of every {@link TamperedToken.Kind}, which the platform must refuse with 401 {@code
 * invalid_token}.
 *
 * <pre>{@code
 * TokenGenerators tokens = new TokenGenerators(keys, issuer, clock, catalog);
 * for (TamperedToken bad : tokens.tampered().sample(seed, 1_000)) { ... }
 * }</pre>
 *
 * Thread-safe.
 */
public final class TokenGenerators {
  private static final String V2 = "v2.public.";
  private static final String V4 = "v4.public.";

  private final KeyRing keys;
  private final String issuer;
  private final Clock clock;
  private final ScopeCatalog catalog;
  private final TokenMinter minter;
  private final RequestAuthorizer revoker;

  /**
   * Creates the generators for a platform.
   *
   * @param keys the platform's keys (its signing key mints the valid tokens)
   * @param issuer the platform's issuer
   * @param clock the platform's clock: valid tokens are valid now on it
   * @param catalog the platform's scopes
   * @throws NullPointerException if an argument is null
   */
  public TokenGenerators(KeyRing keys, String issuer, Clock clock, ScopeCatalog catalog) {
    this(keys, issuer, clock, catalog, null);
  }

  private TokenGenerators(
      KeyRing keys, String issuer, Clock clock, ScopeCatalog catalog, RequestAuthorizer revoker) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.minter = minter(keys, issuer, clock);
    this.revoker = revoker;
  }

  /**
   * Returns these generators with the platform's authorizer, which revokes the {@link
   * TamperedToken.Kind#REVOKED REVOKED} kind of tampered token: without it that kind is not made.
   *
   * @param authorizer the platform's authorizer, whose revocations the platform checks
   * @return the generators
   * @throws NullPointerException if {@code authorizer} is null
   */
  public TokenGenerators revokingWith(RequestAuthorizer authorizer) {
    return new TokenGenerators(
        keys, issuer, clock, catalog, Objects.requireNonNull(authorizer, "authorizer"));
  }

  private static TokenMinter minter(KeyRing keys, String issuer, Clock clock) {
    return TokenMinter.builder().keyRing(keys).issuer(issuer).clock(clock).build();
  }

  TokenMinter minter() {
    return minter;
  }

  TokenMinter minterAt(Clock then) {
    return minter(keys, issuer, then);
  }

  /**
   * Mints a token with the platform's key as if at another time: its issue time (the two-factor
   * time of a verified token), from which its lifetime runs.
   *
   * @param request the token to mint
   * @param issuedAt when it is issued
   * @return the token
   * @throws NullPointerException if an argument is null
   */
  public MintedToken mintAt(TokenRequest request, Instant issuedAt) {
    Objects.requireNonNull(request, "request");
    return minterAt(at(Objects.requireNonNull(issuedAt, "issuedAt"))).mint(request);
  }

  Clock clock() {
    return clock;
  }

  /**
   * Returns requests for valid customer tokens: a generated customer id, a set of customer scopes
   * (two-factor verified when a scope needs it), a lifetime from a minute to 24 hours.
   *
   * @return the generator
   */
  public Generator<TokenRequest> customerTokenRequests() {
    return customerTokens()::request;
  }

  /**
   * Returns valid customer tokens, minted now with the platform's key: any generated customer, any
   * customer scopes (two-factor verified when a scope needs it), a lifetime from a minute to 24
   * hours, no resource limit; refine them with {@link CustomerTokens}'s methods.
   *
   * @return the generator
   */
  public CustomerTokens customerTokens() {
    return new CustomerTokens(this, ScopeGenerators.scopes(catalog, TokenRole.CUSTOMER));
  }

  /**
   * Returns resource limits (Unit's {@code resources}): one to three accounts and up to three
   * cards, with ids of the form Custos accepts.
   *
   * @return the generator
   */
  public static Generator<Resources> resources() {
    return random -> {
      List<String> accounts = new ArrayList<>();
      List<String> cards = new ArrayList<>();
      for (int i = 1 + random.nextInt(3); i > 0; i--) {
        accounts.add(Long.toString(10_000 + random.nextInt(90_000)));
      }
      for (int i = random.nextInt(4); i > 0; i--) {
        cards.add(Long.toString(1_000_000 + random.nextInt(9_000_000)));
      }
      return Resources.of(accounts, cards);
    };
  }

  /**
   * Returns tampered customer tokens, every kind as likely ({@link TamperedToken.Kind#REVOKED
   * REVOKED} only from generators {@link #revokingWith revoking with} the platform's authorizer).
   *
   * @return the generator
   */
  public Generator<TamperedToken> tampered() {
    TamperedToken.Kind[] kinds =
        Arrays.stream(TamperedToken.Kind.values())
            .filter(kind -> revoker != null || kind != TamperedToken.Kind.REVOKED)
            .toArray(TamperedToken.Kind[]::new);
    return random -> tampered(kinds[random.nextInt(kinds.length)], random);
  }

  /**
   * Returns tampered customer tokens of one kind.
   *
   * @param kind the kind
   * @return the generator
   * @throws IllegalStateException if {@code kind} is {@link TamperedToken.Kind#REVOKED REVOKED} and
   *     these generators were not given the platform's authorizer ({@link #revokingWith})
   */
  public Generator<TamperedToken> tampered(TamperedToken.Kind kind) {
    Objects.requireNonNull(kind, "kind");
    if (kind == TamperedToken.Kind.REVOKED && revoker == null) {
      throw new IllegalStateException(
          "a revoked token needs the platform's authorizer: use revokingWith(authorizer)");
    }
    return random -> tampered(kind, random);
  }

  private TamperedToken tampered(TamperedToken.Kind kind, RandomGenerator random) {
    TokenRequest request = customerTokenRequests().next(random);
    Instant now = clock.instant();
    String token =
        switch (kind) {
          case FLIPPED_PAYLOAD_BYTE -> flipped(minter.mint(request).token(), random);
          case WRONG_KEY ->
              minter(KeyRing.of(SigningKey.generate(keys.version())), issuer, clock)
                  .mint(request)
                  .token();
          case WRONG_VERSION_HEADER -> otherVersion(minter.mint(request).token());
          case EXPIRED ->
              // Issued long enough ago that even the verifier's tolerated skew has passed.
              minter(keys, issuer, at(now.minus(Duration.ofDays(2 + random.nextInt(30)))))
                  .mint(request)
                  .token();
          case NOT_YET_VALID ->
              minter(keys, issuer, at(now.plus(Duration.ofHours(1 + random.nextInt(48)))))
                  .mint(request)
                  .token();
          case OTHER_ISSUER -> minter(keys, issuer + "-other", clock).mint(request).token();
          case TRUNCATED -> truncated(minter.mint(request).token(), random);
          case NON_CANONICAL_BASE64 -> nonCanonical(minter.mint(request).token());
          case REVOKED -> revoked(minter.mint(request).token());
        };
    return new TamperedToken(kind, token);
  }

  private String revoked(String token) {
    try {
      revoker.revoke(revoker.authenticate("Bearer " + token));
    } catch (ApiException e) {
      throw new IllegalStateException(
          "the authorizer refused a token of these keys: give revokingWith the platform's own", e);
    }
    return token;
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  /** One bit of the payload segment (message and signature) flipped, re-encoded canonically. */
  private static String flipped(String token, RandomGenerator random) {
    String[] parts = token.split("\\.", -1);
    byte[] payload = Base64.getUrlDecoder().decode(parts[2]);
    payload[random.nextInt(payload.length)] ^= (byte) (1 << random.nextInt(8));
    parts[2] = Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    return String.join(".", parts);
  }

  private static String otherVersion(String token) {
    return token.startsWith(V4)
        ? V2 + token.substring(V4.length())
        : V4 + token.substring(V2.length());
  }

  private static String truncated(String token, RandomGenerator random) {
    return token.substring(0, 1 + random.nextInt(token.length() - 1));
  }

  /**
   * The payload segment with its last character's unused low bits set (a lax decoder reads the same
   * bytes), or, when it has none, with base64 padding PASETO forbids.
   */
  private static String nonCanonical(String token) {
    String[] parts = token.split("\\.", -1);
    String payload = parts[2];
    int unusedBits = payload.length() % 4 == 2 ? 4 : payload.length() % 4 == 3 ? 2 : 0;
    if (unusedBits == 0) {
      parts[2] = payload + "==";
    } else {
      String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      int last = alphabet.indexOf(payload.charAt(payload.length() - 1));
      parts[2] = payload.substring(0, payload.length() - 1) + alphabet.charAt(last | 1);
    }
    return String.join(".", parts);
  }

  /**
   * Returns the PASETO version of the platform's tokens.
   *
   * @return the version
   */
  public PasetoVersion version() {
    return keys.version();
  }
}
