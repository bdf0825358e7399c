package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Org tokens limited to client addresses over real connections on loopback: the connection's
 * address counts, and X-Forwarded-For only from a trusted proxy.
 */
class SourceIpServerTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private final SigningKey key = SigningKey.generate(PasetoVersion.V2_PUBLIC);
  private final TokenMinter minter =
      TokenMinter.builder().signingKey(key).issuer("custos-sandbox").build();
  private CustosServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  private CustosServer start(String... trustedProxies) throws Exception {
    server =
        CustosServer.start(
            CustosServer.options()
                .port(0)
                .shutdownGrace(0)
                .signingKey(key)
                .sandbox(true)
                .trustedProxies(trustedProxies));
    return server;
  }

  private String orgToken(String sourceIp) {
    return minter
        .mint(TokenRequest.org(ScopeCatalog.unit().parse("customers")).fromSourceIp(sourceIp))
        .token();
  }

  private int identity(String token, String forwardedFor) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.uri() + "/identity"))
            .header("Authorization", "Bearer " + token);
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void connectionAddress_insideOrOutsideTheList() throws Exception {
    start();

    assertThat(identity(orgToken("127.0.0.1"), null)).isEqualTo(200);
    assertThat(identity(orgToken("127.0.0.0/8,::1"), null)).isEqualTo(200);
    assertThat(identity(orgToken("10.0.0.0/8"), null)).isEqualTo(403);
  }

  @Test
  void forwardedFor_ignoredUnlessFromATrustedProxy() throws Exception {
    start();

    assertThat(identity(orgToken("10.0.0.0/8"), "10.1.1.1")).as("spoofed").isEqualTo(403);
    assertThat(identity(orgToken("127.0.0.1"), "10.1.1.1"))
        .as("the connection still counts")
        .isEqualTo(200);
  }

  @Test
  void forwardedFor_fromATrustedProxy_namesTheClient() throws Exception {
    start("127.0.0.1/32");

    assertThat(identity(orgToken("10.0.0.0/8"), "10.1.1.1")).isEqualTo(200);
    assertThat(identity(orgToken("10.0.0.0/8"), "10.1.1.1, 192.168.7.7"))
        .as("the right-most untrusted hop is the client")
        .isEqualTo(403);
    assertThat(identity(orgToken("10.0.0.0/8"), "10.1.1.1:4711")).as("a port").isEqualTo(200);
    assertThat(identity(orgToken("10.0.0.0/8"), "not-an-address")).isEqualTo(403);
    assertThat(identity(orgToken("127.0.0.1"), null)).isEqualTo(200);
  }

  @Test
  void forwardedFor_unreadableHopFromATrustedProxy_clientUnknownNotTheProxy() throws Exception {
    start("127.0.0.1/32");
    String coversTheProxy = orgToken("127.0.0.1");

    for (String hop : new String[] {"unknown", "_hidden", "[::1]:99999", "proxy.internal"}) {
      assertThat(identity(coversTheProxy, hop)).as(hop).isEqualTo(403);
    }
    assertThat(identity(orgToken("::1"), "[::1]:443")).as("[v6]:port").isEqualTo(200);
    assertThat(identity(orgToken("fe80::1"), "fe80::1%eth0")).as("v6%zone").isEqualTo(200);
  }
}
