package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.custos.testing.RedisServer;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * jwtToken over HTTP: a JWK Set file made here, JWTs signed with its key, the sandbox subjects; a
 * JWT used once, on one server or on two sharing a real redis-server.
 */
class JwtServerTest {
  private static final String ISSUER = "https://idp.example.com/";
  private static final String AUDIENCE = "custos-reference";

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private final HttpClient client = HttpClient.newHttpClient();
  private final List<CustosServer> servers = new ArrayList<>();
  private RSAKey key;
  private Path jwks;
  private CustosServer server;
  private String org;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    key = new RSAKeyGenerator(2048).keyID("idp-1").generate();
    jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
    server = start(CustosServer.options());
    org = server.sandboxOrgToken().orElseThrow();
  }

  private CustosServer start(ServerOptions options) throws Exception {
    CustosServer started =
        CustosServer.start(
            options
                .port(0)
                .shutdownGrace(0)
                .jwtIdentityProvider(ISSUER, jwks.toString(), AUDIENCE));
    servers.add(started);
    return started;
  }

  @AfterEach
  void stop() {
    servers.forEach(CustosServer::close);
  }

  private String jwt(String subject, boolean hmacConfusion) throws Exception {
    return jwt(claims(subject).build(), hmacConfusion);
  }

  private static JWTClaimsSet.Builder claims(String subject) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(subject)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(Instant.now()))
        .expirationTime(Date.from(Instant.now().plusSeconds(300)));
  }

  private String jwt(JWTClaimsSet claims, boolean hmacConfusion) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(hmacConfusion ? JWSAlgorithm.HS256 : JWSAlgorithm.RS256)
                .keyID("idp-1")
                .build(),
            claims);
    jwt.sign(
        hmacConfusion ? new MACSigner(key.toRSAPublicKey().getEncoded()) : new RSASSASigner(key));
    return jwt.serialize();
  }

  private HttpResponse<String> mint(String customer, String jwt) throws Exception {
    return mint(server, org, customer, jwt);
  }

  private HttpResponse<String> mint(CustosServer on, String orgToken, String customer, String jwt)
      throws Exception {
    return ServerEndToEndTest.send(
        client,
        on.uri(),
        "POST",
        "/customers/" + customer + "/token",
        orgToken,
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards cards-write\","
            + "\"jwtToken\":\""
            + jwt
            + "\"}}}");
  }

  @Test
  void jwtOfTheCustomerOrItsAuthorizedUser_mintsATwoFactorToken() throws Exception {
    HttpResponse<String> individual = mint("100001", jwt("user-100001", false));
    HttpResponse<String> business = mint("100002", jwt("user-100002-au", false));

    assertThat(individual.statusCode()).as(individual.body()).isEqualTo(201);
    assertThat(business.statusCode()).as(business.body()).isEqualTo(201);
    String token = (String) ServerEndToEndTest.read(individual, "data", "attributes", "token");
    HttpResponse<String> identity =
        ServerEndToEndTest.send(client, server.uri(), "GET", "/identity", token, null);
    assertThat(ServerEndToEndTest.read(identity, "data", "attributes", "twoFactor"))
        .isEqualTo(true);
  }

  @Test
  void badJwts_400InvalidJwtAtTheAttributeWithTheReason() throws Exception {
    HttpResponse<String> otherSubject = mint("100001", jwt("user-100002-au", false));
    HttpResponse<String> confused = mint("100001", jwt("user-100001", true));

    assertThat(otherSubject.statusCode()).isEqualTo(400);
    assertThat(ServerEndToEndTest.read(otherSubject, "errors", "0", "code"))
        .isEqualTo("invalid_jwt");
    assertThat(ServerEndToEndTest.read(otherSubject, "errors", "0", "source", "pointer"))
        .isEqualTo("/data/attributes/jwtToken");
    assertThat(ServerEndToEndTest.read(otherSubject, "errors", "0", "meta", "reason"))
        .isEqualTo("subject");
    assertThat(ServerEndToEndTest.read(confused, "errors", "0", "meta", "reason"))
        .isEqualTo("algorithm");
  }

  private static Object reason(HttpResponse<String> response) throws Exception {
    return ServerEndToEndTest.read(response, "errors", "0", "meta", "reason");
  }

  /** What the review measured minting: another app's JWT, one for ten years, one from tomorrow. */
  @Test
  void foreignStaleOrReplayedJwts_400WithTheirReasons() throws Exception {
    Instant now = Instant.now();
    String once = jwt("user-100001", false);
    assertThat(mint("100001", once).statusCode()).isEqualTo(201);

    assertThat(reason(mint("100001", once))).as("the same JWT again").isEqualTo("replayed");
    assertThat(
            reason(mint("100001", jwt(claims("user-100001").audience("other-app").build(), false))))
        .isEqualTo("audience");
    assertThat(
            reason(
                mint(
                    "100001",
                    jwt(
                        claims("user-100001")
                            .issueTime(Date.from(now.minus(Duration.ofDays(1))))
                            .expirationTime(Date.from(now.plus(Duration.ofDays(3650))))
                            .build(),
                        false))))
        .isEqualTo("too_old");
    assertThat(
            reason(
                mint(
                    "100001",
                    jwt(
                        claims("user-100001")
                            .issueTime(Date.from(now.plus(Duration.ofDays(1))))
                            .build(),
                        false))))
        .isEqualTo("issued_at");
    assertThat(reason(mint("100001", jwt(claims("user-100001").jwtID(null).build(), false))))
        .isEqualTo("jwt_id");
  }

  @Test
  void jwtUsedOnOneServer_refusedOnAnotherSharingRedis() throws Exception {
    SigningKey shared = SigningKey.generate(PasetoVersion.V2_PUBLIC);
    CustosServer a =
        start(CustosServer.options().signingKey(shared).sandbox(true).redis(REDIS.uri()));
    CustosServer b =
        start(CustosServer.options().signingKey(shared).sandbox(true).redis(REDIS.uri()));
    String jwt = jwt("user-100001", false);

    assertThat(mint(a, a.sandboxOrgToken().orElseThrow(), "100001", jwt).statusCode())
        .isEqualTo(201);
    HttpResponse<String> again = mint(b, b.sandboxOrgToken().orElseThrow(), "100001", jwt);

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(reason(again)).isEqualTo("replayed");
  }
}
