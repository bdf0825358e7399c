package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiException;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.testing.FakeClock;
import dev.custos.testing.RedisServer;
import dev.custos.token.KeyRing;
import dev.custos.token.MintedToken;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Revocations through Redis reach another instance's verified-token cache: by pub/sub at once, by
 * the counter poll when the message is lost; and survive a new authorizer.
 */
class RevocationTest {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private final FakeClock clock = FakeClock.create();
  private final KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
  private final TokenMinter minter =
      TokenMinter.builder().keyRing(keys).issuer("i").clock(clock).build();
  private final TokenVerifier verifier =
      TokenVerifier.builder().keyRing(keys).issuer("i").clock(clock).build();
  private final List<CustosRedis> connections = new ArrayList<>();

  private CustosRedis connect(Duration poll) {
    return connect(CustosRedis.builder(REDIS.uri()).revocationPollInterval(poll));
  }

  private CustosRedis connect(CustosRedis.Builder builder) {
    CustosRedis redis = builder.clock(clock).connect();
    connections.add(redis);
    return redis;
  }

  private RequestAuthorizer authorizer(CustosRedis redis) {
    return RequestAuthorizer.builder()
        .verifier(verifier)
        .clock(clock)
        .revocationStore(redis.revocationStore())
        .build();
  }

  @AfterEach
  void close() {
    connections.forEach(CustosRedis::close);
  }

  /** A customer's tokens revoked in Redis directly: the key alone, no counter, no message. */
  private void revokeBehindTheStoresBack(String customer) throws java.io.IOException {
    REDIS.command(
        "SET",
        new Keys("custos").revokedCustomer(customer),
        Long.toString(clock.millis() + 1),
        "PX",
        "600000");
  }

  private MintedToken token(String customer) {
    return minter.mint(
        TokenRequest.customer(customer, ScopeCatalog.unit().parse("cards"))
            .expiresIn(Duration.ofHours(1)));
  }

  @Test
  void revokeOnOneInstance_cachedTokenRefusedOnAnother_within1s() throws Exception {
    // Polls every 10 s: only the pub/sub message can arrive within the second.
    CustosRedis a = connect(Duration.ofSeconds(10));
    CustosRedis b = connect(Duration.ofSeconds(10));
    RequestAuthorizer onA = authorizer(a);
    RequestAuthorizer onB = authorizer(b);
    MintedToken minted = token("100001");
    String header = "Bearer " + minted.token();
    onB.authenticate(header);
    CountDownLatch heard = new CountDownLatch(1);
    b.revocationStore().onRevocation(heard::countDown);

    long start = System.nanoTime();
    onA.revoke(onA.authenticate(header));
    assertThat(heard.await(1, TimeUnit.SECONDS)).as("B heard of the revocation").isTrue();
    long delayMicros = (System.nanoTime() - start) / 1_000;

    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> onB.authenticate(header))
        .satisfies(e -> assertThat(e.error().detail()).isEqualTo("the token has been revoked"));
    System.out.println(
        "revocation reached the other instance by pub/sub in " + delayMicros + " us");
  }

  @Test
  void lostMessage_theCounterPollCatchesIt() throws Exception {
    CustosRedis b = connect(Duration.ofMillis(100));
    RequestAuthorizer onB = authorizer(b);
    String header = "Bearer " + token("100002").token();
    onB.authenticate(header);
    CountDownLatch heard = new CountDownLatch(1);
    b.revocationStore().onRevocation(heard::countDown);

    // A revocation whose PUBLISH never arrived: the key and the counter, nothing else.
    revokeBehindTheStoresBack("100002");
    REDIS.command("INCR", new Keys("custos").revocationSequence());
    long start = System.nanoTime();

    assertThat(heard.await(1, TimeUnit.SECONDS)).as("the poll noticed the counter").isTrue();
    long delayMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(delayMillis).isLessThan(1_000);
    assertThatExceptionOfType(ApiException.class).isThrownBy(() -> onB.authenticate(header));
    System.out.println(
        "a lost revocation message was caught by the poll in " + delayMillis + " ms");
  }

  @Test
  void announcementFails_revokerRefusesAtOnce_othersWhenTheOwedAnnouncementIsMade()
      throws Exception {
    // A user that may write revocations and read the counter, but not move it: every
    // announcement fails after the revocation itself was written.
    REDIS.command(
        "ACL",
        "SETUSER",
        "no-announce",
        "on",
        ">secret",
        "resetkeys",
        "~custos:rev:{t:*",
        "~custos:rev:{u:*",
        "%R~custos:rev:{seq}",
        "resetchannels",
        "&*",
        "+@all");
    CustosRedis a =
        connect(
            CustosRedis.builder(REDIS.uri().replace("redis://", "redis://no-announce:secret@"))
                .revocationPollInterval(Duration.ofMillis(50)));
    CustosRedis b = connect(Duration.ofSeconds(10));
    RequestAuthorizer onA = authorizer(a);
    RequestAuthorizer onB = authorizer(b);
    String header = "Bearer " + token("100005").token();
    onA.authenticate(header);
    onB.authenticate(header);
    CountDownLatch heard = new CountDownLatch(1);
    b.revocationStore().onRevocation(heard::countDown);

    onA.revoke(onA.authenticate(header)); // recorded: no failure reaches the caller

    assertThatExceptionOfType(ApiException.class)
        .as("the revoking instance refuses its cached token at once")
        .isThrownBy(() -> onA.authenticate(header));
    assertThat(heard.await(300, TimeUnit.MILLISECONDS)).as("nothing announced yet").isFalse();
    REDIS.command("ACL", "SETUSER", "no-announce", "allkeys");
    long start = System.nanoTime();
    assertThat(heard.await(2, TimeUnit.SECONDS)).as("the owed announcement, made").isTrue();
    System.out.println(
        "an owed announcement reached the other instance "
            + (System.nanoTime() - start) / 1_000_000
            + " ms after Redis took it again");
    assertThatExceptionOfType(ApiException.class).isThrownBy(() -> onB.authenticate(header));
  }

  @Test
  void revocationNeverAnnounced_cachedTokensRecheckedAtTheRecheckInterval() throws Exception {
    CustosRedis b =
        connect(
            CustosRedis.builder(REDIS.uri())
                .revocationPollInterval(Duration.ofMillis(100))
                .revocationRecheckInterval(Duration.ofSeconds(1)));
    RequestAuthorizer onB = authorizer(b);
    String header = "Bearer " + token("100006").token();
    onB.authenticate(header);
    CountDownLatch heard = new CountDownLatch(1);
    b.revocationStore().onRevocation(heard::countDown);

    // Written by an instance that stopped before announcing it: no counter move, no message.
    revokeBehindTheStoresBack("100006");
    long start = System.nanoTime();

    assertThat(heard.await(3, TimeUnit.SECONDS)).as("the recheck came").isTrue();
    assertThatExceptionOfType(ApiException.class).isThrownBy(() -> onB.authenticate(header));
    System.out.println(
        "an unannounced revocation was enforced by the recheck after "
            + (System.nanoTime() - start) / 1_000_000
            + " ms");
  }

  @Test
  void revocation_outlivesTheAuthorizerAndTheConnection() throws Exception {
    CustosRedis a = connect(Duration.ofMillis(250));
    MintedToken minted = token("100003");
    authorizer(a).revokeToken(minted.tokenId(), minted.expiresAt());
    a.close();
    connections.remove(a);

    RequestAuthorizer fresh = authorizer(connect(Duration.ofMillis(250)));

    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> fresh.authenticate("Bearer " + minted.token()))
        .satisfies(e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void revocation_keptUntilTheTokensExpiryAndTheLongestSkewOnly() throws Exception {
    CustosRedis a = connect(Duration.ofMillis(250));
    MintedToken minted = token("100004");
    authorizer(a).revoke(verifier.verify(minted.token()));

    long ttl =
        Long.parseLong(
            REDIS
                .command("PTTL", new Keys("custos").revokedToken(minted.tokenId()))
                .trim()
                .substring(1));

    long keep = Duration.ofHours(1).plus(TokenVerifier.MAX_CLOCK_SKEW).toMillis();
    assertThat(ttl).isBetween(keep - 5_000, keep);
  }

  @Test
  void revokeCustomerTokensOnOneInstance_heardByAnotherByPubSub() throws Exception {
    CustosRedis a = connect(Duration.ofSeconds(10));
    CustosRedis b = connect(Duration.ofSeconds(10));
    CountDownLatch heard = new CountDownLatch(1);
    b.revocationStore().onRevocation(heard::countDown);

    authorizer(a).revokeCustomerTokens("100005", clock.instant());

    assertThat(heard.await(1, TimeUnit.SECONDS)).as("B heard of the revocation").isTrue();
  }
}
