package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What {@code custos serve} prints once it listens: a newcomer's first steps. */
class ServeWelcomeTest {
  private static String welcome(ServerOptions options) throws Exception {
    try (CustosServer server = CustosServer.start(options.shutdownGrace(0))) {
      StringWriter text = new StringWriter();
      ServeCommand.welcome(new PrintWriter(text), server, true);
      return text.toString();
    }
  }

  @Test
  void welcome_sandboxOnAPort_tokenCurlAndThePasskeyPageOnLocalhost() throws Exception {
    int port;
    try (java.net.ServerSocket free =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = free.getLocalPort();
    }

    String text = welcome(CustosServer.options().port(port));

    assertThat(text)
        .contains("Custos server listening on http://127.0.0.1:" + port)
        .contains("(generated for this run)")
        .contains("  export TOKEN=v2.public.")
        .contains("Try:\n  curl -X POST 'http://127.0.0.1:" + port + "/customers/100001/token'")
        .contains(
            "Passkeys: open http://localhost:"
                + port
                + "/sandbox/passkeys in a browser and paste the TOKEN.");
  }

  @Test
  void welcome_withoutPasskeys_noPasskeyLine() throws Exception {
    assertThat(welcome(CustosServer.options().port(0)))
        .contains("export TOKEN=")
        .doesNotContain("Passkeys");
  }
}
