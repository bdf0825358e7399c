package dev.custos.examples.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.kit.CapturingOtpSender;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.spring.test.CustosTestAutoConfiguration;
import dev.custos.testing.RedisServer;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the bank on one Redis (started by the test), as a load balancer spreads a front
 * end's calls: a verification started on one is finished on the other, a revocation on one is
 * refused on the other, and a code is spent once across both.
 */
class TwoInstancesTest {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private static final String KEY =
      SigningKey.generate(PasetoVersion.V4_PUBLIC).exportSecretPaserk();
  private ConfigurableApplicationContext first;
  private ConfigurableApplicationContext second;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(BankApplication.class, CustosTestAutoConfiguration.class)
        .run(
            "--server.port=0",
            "--custos.key.file=",
            "--custos.key.value=" + KEY,
            "--custos.redis.uri=" + REDIS.uri(),
            "--spring.main.banner-mode=off");
  }

  private static HttpCalls calls(ConfigurableApplicationContext context) {
    return new HttpCalls(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  @BeforeEach
  void startBoth() {
    first = start();
    second = start();
  }

  @AfterEach
  void stopBoth() {
    first.close();
    second.close();
  }

  @Test
  void verificationStartedOnOne_finishedOnTheOther_revocationOnOneRefusedOnTheOther()
      throws Exception {
    String backend =
        first
            .getBean(TokenMinter.class)
            .mint(TokenRequest.org(ScopeCatalog.unit().parse("customers customer-token-write")))
            .token();
    var verification =
        calls(first)
            .postJsonApi(
                "/customers/100002/token/verification",
                backend,
                "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\"}}}");
    assertThat(verification.status()).isEqualTo(201);
    String finish =
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"accounts"
            + " payments-write\",\"verificationToken\":\""
            + verification.at("/data/attributes/verificationToken")
            + "\",\"verificationCode\":\""
            + first.getBean(CapturingOtpSender.class).code("100002")
            + "\"}}}";

    var minted = calls(second).postJsonApi("/customers/100002/token", backend, finish);
    var again = calls(first).postJsonApi("/customers/100002/token", backend, finish);

    assertThat(minted.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(400);
    String token = minted.at("/data/attributes/token");
    assertThat(calls(first).get("/customers/100002/accounts", token).status()).isEqualTo(200);
    assertThat(calls(second).delete("/session", token).status()).isEqualTo(204);
    assertThat(statusOnceAnnounced(calls(first), token)).isEqualTo(401);
  }

  /**
   * The other instance hears of a revocation by Redis pub/sub (tens of milliseconds), or at its
   * next poll: asks again until it answers otherwise, for at most two seconds.
   */
  private static int statusOnceAnnounced(HttpCalls instance, String token)
      throws InterruptedException {
    long deadline = System.nanoTime() + 2_000_000_000L;
    int status;
    do {
      status = instance.get("/customers/100002/accounts", token).status();
      if (status != 200) {
        return status;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    return status;
  }
}
