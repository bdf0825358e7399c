package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.custos.testing.FakeClock;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's identity provider: JWTs for the fixtures' subjects, to the admin only, each used
 * once for a two-factor customer token; never in production mode.
 */
class SandboxIdentityProviderTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private final FakeClock clock = FakeClock.create();
  private CustosServer server;

  @BeforeEach
  void start() throws Exception {
    server = CustosServer.start(CustosServer.options().port(0).shutdownGrace(0).clock(clock));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return ServerEndToEndTest.send(client, server.uri(), method, path, token, body);
  }

  private HttpResponse<String> jwt(String token, String subject) throws Exception {
    return send(
        "POST",
        "/sandbox/idp/token",
        token,
        "{\"data\":{\"type\":\"sandboxJwt\",\"attributes\":{\"subject\":\"" + subject + "\"}}}");
  }

  private HttpResponse<String> customerToken(String customer, String jwt) throws Exception {
    return send(
        "POST",
        "/customers/" + customer + "/token",
        server.sandboxOrgToken().orElseThrow(),
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards-write\","
            + "\"jwtToken\":\""
            + jwt
            + "\"}}}");
  }

  @Test
  void adminJwt_forTheCustomersSubject_mintsATwoFactorTokenOnce() throws Exception {
    HttpResponse<String> issued = jwt(server.sandboxAdminCredential().orElseThrow(), "user-100001");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    String jwt = (String) ServerEndToEndTest.read(issued, "data", "attributes", "jwt");
    SignedJWT parsed = SignedJWT.parse(jwt);
    assertThat(parsed.getJWTClaimsSet().getAudience()).containsExactly("custos-sandbox");
    assertThat(parsed.getJWTClaimsSet().getJWTID()).isNotBlank();
    assertThat(parsed.getJWTClaimsSet().getIssueTime()).isNotNull();
    JWKSet keys = JWKSet.parse(send("GET", "/sandbox/idp/jwks.json", null, null).body());
    assertThat(keys.getKeys()).singleElement().satisfies(k -> assertThat(k.isPrivate()).isFalse());

    HttpResponse<String> minted = customerToken("100001", jwt);
    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
    HttpResponse<String> replayed = customerToken("100001", jwt);
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(ServerEndToEndTest.read(replayed, "errors", "0", "meta", "reason"))
        .isEqualTo("replayed");
    // Another customer's subject does not stand for this one.
    String other =
        (String)
            ServerEndToEndTest.read(
                jwt(server.sandboxAdminCredential().orElseThrow(), "user-100002-au"),
                "data",
                "attributes",
                "jwt");
    assertThat(customerToken("100001", other).statusCode()).isEqualTo(400);
    assertThat(customerToken("100002", other).statusCode()).isEqualTo(201);
  }

  @Test
  void expiredJwt_isRefused() throws Exception {
    String jwt =
        (String)
            ServerEndToEndTest.read(
                jwt(server.sandboxAdminCredential().orElseThrow(), "user-100001"),
                "data",
                "attributes",
                "jwt");
    clock.advance(Duration.ofMinutes(6));

    assertThat(customerToken("100001", jwt).statusCode()).isEqualTo(400);
  }

  @Test
  void notTheAdmin_403_noCredential_401_unknownSubject_400AtTheSubject() throws Exception {
    assertThat(jwt(server.sandboxOrgToken().orElseThrow(), "user-100001").statusCode())
        .isEqualTo(403);
    assertThat(jwt(null, "user-100001").statusCode()).isEqualTo(401);

    HttpResponse<String> unknown = jwt(server.sandboxAdminCredential().orElseThrow(), "root");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(ServerEndToEndTest.read(unknown, "errors", "0", "source", "pointer"))
        .isEqualTo("/data/attributes/subject");
  }

  @Test
  void sandboxWithAPreset_servesNoIdentityProviderOfItsOwn() throws Exception {
    try (CustosServer withAuth0 =
        CustosServer.start(
            CustosServer.options()
                .port(0)
                .shutdownGrace(0)
                .jwtIdentityProviderPreset("auth0:acme.us.auth0.com", "custos-api"))) {
      HttpResponse<String> response =
          ServerEndToEndTest.send(
              client,
              withAuth0.uri(),
              "POST",
              "/sandbox/idp/token",
              withAuth0.sandboxAdminCredential().orElseThrow(),
              "{\"data\":{\"type\":\"sandboxJwt\",\"attributes\":{\"subject\":\"user-100001\"}}}");
      assertThat(response.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void productionMode_hasNoSandboxIdentityProvider() throws Exception {
    try (CustosServer production =
        CustosServer.start(
            CustosServer.options()
                .port(0)
                .shutdownGrace(0)
                .sandbox(false)
                .signingKey(SigningKey.generate(PasetoVersion.V2_PUBLIC)))) {
      for (String path : new String[] {"/sandbox/idp/jwks.json", "/sandbox/idp/token"}) {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(production.uri() + path))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(404);
      }
    }
  }
}
