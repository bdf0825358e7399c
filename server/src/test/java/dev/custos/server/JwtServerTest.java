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
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jwtToken over HTTP: a JWK Set file made here, JWTs signed with its key, the sandbox subjects. */
class JwtServerTest {
  private static final String ISSUER = "https://idp.example.com/";

  private final HttpClient client = HttpClient.newHttpClient();
  private RSAKey key;
  private CustosServer server;
  private String org;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    key = new RSAKeyGenerator(2048).keyID("idp-1").generate();
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
    server =
        CustosServer.start(
            CustosServer.options()
                .port(0)
                .shutdownGrace(0)
                .jwtIdentityProvider(ISSUER, jwks.toString()));
    org = server.sandboxOrgToken().orElseThrow();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String jwt(String subject, boolean hmacConfusion) throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(subject)
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .build();
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
    return ServerEndToEndTest.send(
        client,
        server.uri(),
        "POST",
        "/customers/" + customer + "/token",
        org,
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
}
