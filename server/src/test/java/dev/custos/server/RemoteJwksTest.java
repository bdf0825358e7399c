package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity provider's JWKS fetched over HTTP (a Jetty stand-in for the provider): cached, and
 * fetched again when a JWT names a key the cached set does not hold (the provider rotated).
 */
class RemoteJwksTest {
  private static final String ISSUER = "https://idp.example.com/";

  private final HttpClient client = HttpClient.newHttpClient();
  private final AtomicReference<String> published = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private Server idp;
  private CustosServer server;
  private RSAKey first;
  private RSAKey second;

  @BeforeEach
  void start() throws Exception {
    first = new RSAKeyGenerator(2048).keyID("k1").generate();
    second = new RSAKeyGenerator(2048).keyID("k2").generate();
    published.set(new JWKSet(first.toPublicJWK()).toString());
    idp = new Server();
    ServerConnector connector = new ServerConnector(idp);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    idp.addConnector(connector);
    idp.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(
              org.eclipse.jetty.server.Request request,
              org.eclipse.jetty.server.Response response,
              org.eclipse.jetty.util.Callback callback) {
            fetches.incrementAndGet();
            response.getHeaders().put("Content-Type", "application/json");
            response.write(
                true, ByteBuffer.wrap(published.get().getBytes(StandardCharsets.UTF_8)), callback);
            return true;
          }
        });
    idp.start();
    server =
        CustosServer.start(
            CustosServer.options()
                .port(0)
                .shutdownGrace(0)
                .jwtIdentityProvider(
                    ISSUER,
                    "http://127.0.0.1:" + connector.getLocalPort() + "/jwks",
                    "custos-reference"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    idp.stop();
  }

  private int mint(RSAKey key) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience("custos-reference")
                .subject("user-100001")
                .jwtID(java.util.UUID.randomUUID().toString())
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
    jwt.sign(new RSASSASigner(key));
    HttpResponse<String> response =
        ServerEndToEndTest.send(
            client,
            server.uri(),
            "POST",
            "/customers/100001/token",
            server.sandboxOrgToken().orElseThrow(),
            "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards-write\","
                + "\"jwtToken\":\""
                + jwt.serialize()
                + "\"}}}");
    return response.statusCode();
  }

  @Test
  void rotatedKey_unknownKidFetchesTheSetAgain_knownKidsUseTheCache() throws Exception {
    assertThat(mint(first)).isEqualTo(201);
    assertThat(mint(first)).isEqualTo(201);
    assertThat(fetches).as("cached").hasValue(1);

    published.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())).toString());

    assertThat(mint(second)).as("the new key, after one more fetch").isEqualTo(201);
    assertThat(fetches).hasValue(2);
  }
}
