package dev.custos.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiException;
import dev.custos.token.MintedToken;
import dev.custos.token.Resources;
import dev.custos.token.TokenMinter;
import dev.custos.token.VerifiedToken;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Org API tokens: an admin's own, created once with the value, listed without, revoked at once. */
class OrgTokenServiceTest {
  private final TestPlatform platform = new TestPlatform();
  private final OrgTokenService service =
      OrgTokenService.builder()
          .minter(platform.minter)
          .authorizer(platform.authorizer)
          .clock(platform.time)
          .build();
  private final OrgUser admin = OrgUser.admin("1");

  private Instant inDays(int days) {
    return platform.time.instant().plus(Duration.ofDays(days));
  }

  private ApiException refused(ThrowingCall call) {
    return assertThatExceptionOfType(ApiException.class).isThrownBy(call::run).actual();
  }

  private interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void create_tokenWorksAndItsRecordHoldsNoValue() throws Exception {
    CreatedApiToken created =
        service.create(
            admin,
            "1",
            ApiTokenAttributes.of("payments backend", "customers customer-token-write", inDays(30))
                .withSourceIp("127.0.0.1,10.0.0.0/8"));

    VerifiedToken token =
        platform.authorizer.authenticate(
            "Bearer " + created.token(), InetAddress.getByName("10.2.3.4"));
    assertThat(token.tokenId()).isEqualTo(created.record().id()).matches("[1-9]\\d*");
    assertThat(token.sourceIp()).contains("127.0.0.1,10.0.0.0/8");
    assertThat(created.record().scopes()).hasToString("customer-token-write customers");
    assertThat(created.toString()).doesNotContain(created.token());
    assertThat(service.list(admin, "1")).containsExactly(created.record());
    assertThat(service.list(admin, "1").toString()).doesNotContain(created.token());
  }

  @Test
  void revoke_refusedAtOnceEvenWhenCached() throws Exception {
    CreatedApiToken created =
        service.create(admin, "1", ApiTokenAttributes.of("ci", "customers", inDays(1)));
    String header = "Bearer " + created.token();
    platform.authorizer.authenticate(header);

    service.revoke(admin, "1", created.record().id());

    assertThat(refused(() -> platform.authorizer.authenticate(header)).error().detail())
        .isEqualTo("the token has been revoked");
    assertThat(service.list(admin, "1")).isEmpty();
    assertThat(refused(() -> service.revoke(admin, "1", created.record().id())).status())
        .isEqualTo(404);
  }

  @Test
  void noEscalation_membersAndOtherUsersRefused() throws Exception {
    CreatedApiToken created =
        service.create(admin, "1", ApiTokenAttributes.of("ci", "customers", inDays(1)));
    OrgUser member = OrgUser.member("1");
    OrgUser otherAdmin = OrgUser.admin("2");

    assertThat(
            refused(
                    () ->
                        service.create(
                            member, "1", ApiTokenAttributes.of("x", "customers", inDays(1))))
                .status())
        .isEqualTo(403);
    assertThat(refused(() -> service.list(member, "1")).status()).isEqualTo(403);
    assertThat(refused(() -> service.list(otherAdmin, "1")).error().detail())
        .isEqualTo("an admin manages their own API tokens only");
    assertThat(refused(() -> service.revoke(otherAdmin, "1", created.record().id())).status())
        .isEqualTo(403);
    assertThat(refused(() -> service.revoke(otherAdmin, "2", created.record().id())).status())
        .as("another user's token under one's own path")
        .isEqualTo(404);
  }

  @Test
  void create_eachInvalidAttribute_namedByItsPointer() throws Exception {
    record Case(ApiTokenAttributes attributes, String pointer) {}
    List<Case> cases =
        List.of(
            new Case(ApiTokenAttributes.of(" ", "customers", inDays(1)), "description"),
            new Case(ApiTokenAttributes.of("x".repeat(256), "customers", inDays(1)), "description"),
            new Case(ApiTokenAttributes.of("ci", "nonsense", inDays(1)), "scope"),
            new Case(ApiTokenAttributes.of("ci", "customers", inDays(-1)), "expiration"),
            new Case(ApiTokenAttributes.of("ci", "customers", inDays(367)), "expiration"),
            new Case(
                ApiTokenAttributes.of("ci", "customers", inDays(1)).withSourceIp("example.com"),
                "sourceIp"));
    for (Case c : cases) {
      ApiException e = refused(() -> service.create(admin, "1", c.attributes()));
      assertThat(e.error().pointer()).as(c.toString()).contains("/data/attributes/" + c.pointer());
    }
    assertThat(
            service.create(
                admin, "1", ApiTokenAttributes.of("x".repeat(255), "customers", inDays(366))))
        .isNotNull();
  }

  @Test
  void store_dropsRecordsWhenTheirTokensExpire() throws Exception {
    service.create(admin, "1", ApiTokenAttributes.of("short", "customers", inDays(1)));
    CreatedApiToken longer =
        service.create(admin, "1", ApiTokenAttributes.of("long", "customers", inDays(3)));

    platform.time.advance(Duration.ofDays(2));

    assertThat(service.list(admin, "1")).containsExactly(longer.record());
  }

  @Test
  void storeDown_503AndNoLiveTokenWithoutItsRecord() throws Exception {
    List<String> minted = new java.util.ArrayList<>();
    List<String> values = new java.util.ArrayList<>();
    TokenMinter recording =
        new TokenMinter() {
          @Override
          public MintedToken mint(dev.custos.token.TokenRequest request) {
            MintedToken token = platform.minter.mint(request);
            values.add(token.token());
            return token;
          }

          @Override
          public java.time.Clock clock() {
            return platform.minter.clock();
          }
        };
    ApiTokenStore down =
        new ApiTokenStore() {
          @Override
          public void put(ApiToken token) {
            minted.add(token.id());
            throw new ApiTokenStoreException(
                ApiTokenStoreException.Reason.UNAVAILABLE, "down", null);
          }

          @Override
          public List<ApiToken> list(String userId) {
            throw new ApiTokenStoreException(
                ApiTokenStoreException.Reason.UNAVAILABLE, "down", null);
          }

          @Override
          public java.util.Optional<ApiToken> find(String userId, String id) {
            throw new ApiTokenStoreException(
                ApiTokenStoreException.Reason.UNAVAILABLE, "down", null);
          }

          @Override
          public boolean delete(String userId, String id) {
            throw new ApiTokenStoreException(
                ApiTokenStoreException.Reason.UNAVAILABLE, "down", null);
          }
        };
    OrgTokenService broken =
        OrgTokenService.builder()
            .minter(recording)
            .authorizer(platform.authorizer)
            .clock(platform.time)
            .store(down)
            .build();

    ApiException create =
        refused(
            () -> broken.create(admin, "1", ApiTokenAttributes.of("ci", "customers", inDays(1))));

    assertThat(create.status()).isEqualTo(503);
    assertThat(create.error().retryAfter()).isPresent();
    assertThat(refused(() -> broken.list(admin, "1")).status()).isEqualTo(503);
    assertThat(refused(() -> broken.revoke(admin, "1", "apitok_x")).status()).isEqualTo(503);
    assertThat(minted).hasSize(1);
    assertThat(values).hasSize(1);
    assertThat(refused(() -> platform.authorizer.authenticate("Bearer " + values.get(0))).error())
        .satisfies(e -> assertThat(e.detail()).isEqualTo("the token has been revoked"));
  }

  @Test
  void revocationsRefused_createAndRevoke_503NeverAServerError() throws Exception {
    dev.custos.authz.RevocationStore refusing =
        new dev.custos.authz.RevocationStore() {
          @Override
          public void revokeToken(String tokenId, long keepUntilMillis) {
            throw new dev.custos.authz.RevocationStoreException(
                dev.custos.authz.RevocationStoreException.Reason.FULL, "full", null);
          }

          @Override
          public void revokeCustomerTokens(
              String customerId, long issuedBeforeMillis, long keepUntilMillis) {
            revokeToken(customerId, keepUntilMillis);
          }

          @Override
          public boolean isRevoked(String tokenId, String customerId, long issuedAtMillis) {
            return false;
          }

          @Override
          public void onRevocation(Runnable listener) {}
        };
    dev.custos.authz.RequestAuthorizer authorizer =
        dev.custos.authz.RequestAuthorizer.builder()
            .verifier(platform.verifier)
            .clock(platform.time)
            .revocationStore(refusing)
            .build();
    OrgTokenService withRecords =
        OrgTokenService.builder()
            .minter(platform.minter)
            .authorizer(authorizer)
            .clock(platform.time)
            .build();
    CreatedApiToken created =
        withRecords.create(admin, "1", ApiTokenAttributes.of("ci", "customers", inDays(1)));

    ApiException revoke = refused(() -> withRecords.revoke(admin, "1", created.record().id()));

    assertThat(revoke.status()).isEqualTo(503);
    assertThat(revoke.error().code()).isEqualTo(dev.custos.error.ApiErrorCode.STATE_UNAVAILABLE);
    assertThat(revoke.error().retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(withRecords.list(admin, "1"))
        .as("a token that could not be revoked stays listed")
        .containsExactly(created.record());

    OrgTokenService noRecords =
        OrgTokenService.builder()
            .minter(platform.minter)
            .authorizer(authorizer)
            .clock(platform.time)
            .store(
                new ApiTokenStore() {
                  @Override
                  public void put(ApiToken token) {
                    throw new ApiTokenStoreException(
                        ApiTokenStoreException.Reason.UNAVAILABLE, "down", null);
                  }

                  @Override
                  public List<ApiToken> list(String userId) {
                    return List.of();
                  }

                  @Override
                  public java.util.Optional<ApiToken> find(String userId, String id) {
                    return java.util.Optional.empty();
                  }

                  @Override
                  public boolean delete(String userId, String id) {
                    return false;
                  }
                })
            .build();
    ApiException create =
        refused(
            () ->
                noRecords.create(admin, "1", ApiTokenAttributes.of("ci", "customers", inDays(1))));
    assertThat(create.status()).isEqualTo(503);
    assertThat(create.error().retryAfter()).contains(Duration.ofSeconds(1));
  }

  @Test
  void create_manyTokens_distinctUnguessableIds() throws Exception {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String id =
          service
              .create(admin, "1", ApiTokenAttributes.of("ci", "customers", inDays(1)))
              .record()
              .id();
      assertThat(id).as("a numeric string, as Unit's ids are").matches("[1-9]\\d{38}");
      ids.add(id);
    }

    assertThat(ids).hasSize(200);
    assertThat(service.list(admin, "1")).hasSize(200);
  }

  @Test
  void create_expirationOneSecondAway_acceptedButNotLess() throws Exception {
    Instant now = platform.time.instant();

    assertThat(
            service
                .create(admin, "1", ApiTokenAttributes.of("ci", "customers", now.plusSeconds(1)))
                .record()
                .expiration())
        .isEqualTo(now.plusSeconds(1));
    assertThat(
            refused(
                    () ->
                        service.create(
                            admin,
                            "1",
                            ApiTokenAttributes.of("ci", "customers", now.plusMillis(999))))
                .error()
                .pointer())
        .contains("/data/attributes/expiration");
  }

  @Test
  void values_holdWhatWasAskedAndDescribeThemselvesWithoutTheToken() throws Exception {
    OrgTokenService withCatalog =
        OrgTokenService.builder()
            .minter(platform.minter)
            .authorizer(platform.authorizer)
            .clock(platform.time)
            .catalog(platform.catalog)
            .build();
    Resources accounts = Resources.of(List.of("1001"), List.of());
    ApiTokenAttributes asked =
        ApiTokenAttributes.of("reporting", "accounts", inDays(2))
            .withSourceIp("10.0.0.0/8")
            .withResources(accounts);

    CreatedApiToken created = withCatalog.create(admin, "1", asked);
    CreatedApiToken other = withCatalog.create(admin, "1", asked);
    ApiToken record = created.record();

    assertThat(record.description()).isEqualTo("reporting");
    assertThat(record.sourceIp()).contains("10.0.0.0/8");
    assertThat(record.resources()).isEqualTo(accounts);
    ApiToken listed =
        withCatalog.list(admin, "1").stream()
            .filter(t -> t.id().equals(record.id()))
            .findFirst()
            .orElseThrow();
    assertThat(record).isNotEqualTo(other.record()).isEqualTo(listed);
    assertThat(record.hashCode()).isEqualTo(listed.hashCode());
    assertThat(record)
        .hasToString(
            "ApiToken[" + record.id() + ", user 1, scope=accounts, expires " + inDays(2) + "]");
    assertThat(created).hasToString("CreatedApiToken[" + record + "]");
    assertThat(asked)
        .hasToString("ApiTokenAttributes[reporting, scope=accounts, expiration=" + inDays(2) + "]");
  }

  @Test
  void builder_withoutMinterOrAuthorizer_refused() {
    assertThatIllegalStateException()
        .isThrownBy(() -> OrgTokenService.builder().authorizer(platform.authorizer).build());
    assertThatIllegalStateException()
        .isThrownBy(() -> OrgTokenService.builder().minter(platform.minter).build());
  }

  @Test
  void orgUser_blankId_refusedAndNamedWithItsRole() {
    assertThatIllegalArgumentException().isThrownBy(() -> OrgUser.admin(" "));
    assertThatIllegalArgumentException().isThrownBy(() -> OrgUser.member(""));
    assertThat(OrgUser.member("7")).hasToString("OrgUser[7]");
    assertThat(OrgUser.admin("7")).hasToString("OrgUser[7, admin]");
  }
}
