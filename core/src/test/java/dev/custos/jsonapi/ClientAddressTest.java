package dev.custos.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.authz.SourceIps;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * X-Forwarded-For entries as proxies write them: the port or zone dropped where the form leaves no
 * doubt, anything else a client that cannot be told (null), never the proxy itself.
 */
class ClientAddressTest {
  private final ClientAddress behindProxy = new ClientAddress(SourceIps.parse("10.0.0.0/8"));

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void entry_formsProxiesWrite_theAddressWithoutPortOrZone() throws Exception {
    String[][] cases = {
      {"203.0.113.7", "203.0.113.7"},
      {" 203.0.113.7 ", "203.0.113.7"},
      {"203.0.113.7:4711", "203.0.113.7"},
      {"203.0.113.7:1", "203.0.113.7"},
      {"203.0.113.7:65535", "203.0.113.7"},
      {"255.255.255.255", "255.255.255.255"},
      {"[2001:db8::1]:65535", "2001:db8::1"},
      {"0.0.0.0", "0.0.0.0"},
      {"2001:db8::1", "2001:db8::1"},
      {"[2001:db8::1]", "2001:db8::1"},
      {"[2001:db8::1]:443", "2001:db8::1"},
      {"fe80::1%eth0", "fe80::1"},
      {"[fe80::1%25eth0]:8080", "fe80::1"},
      {"::ffff:192.0.2.1", "192.0.2.1"},
    };
    List<String> errors = new ArrayList<>();
    for (String[] c : cases) {
      InetAddress parsed = ClientAddress.entry(c[0]);
      if (parsed == null || !parsed.equals(ip(c[1]))) {
        errors.add(c[0] + " -> " + parsed + ", expected " + c[1]);
      }
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void entry_anythingElse_null() {
    List<String> notAddresses =
        List.of(
            "",
            "unknown",
            "_hidden",
            "localhost",
            "example.com",
            "999.1.1.1",
            "010.1.1.1",
            "1.2.3",
            "1.2.3.4.5",
            "1.2.3.4:0",
            "1.2.3.4:65536",
            "1.2.3.4:",
            "[1.2.3.4]",
            "[2001:db8::1]:99999",
            "2001:db8::zz",
            ".1:2",
            "::1::2",
            "fe80::1%",
            "fe80::1%eth0 bad",
            "0x7f.0.0.1",
            "2001:db8::1".repeat(5));
    List<String> accepted = new ArrayList<>();
    for (String text : notAddresses) {
      if (ClientAddress.entry(text) != null) {
        accepted.add(text);
      }
    }
    assertThat(accepted).isEmpty();
    assertThat(ClientAddress.entry(null)).isNull();
  }

  @Test
  void of_untrustedConnection_isTheClientWhateverTheHeaderSays() throws Exception {
    assertThat(behindProxy.of("192.0.2.9", List.of("10.1.1.1"))).isEqualTo(ip("192.0.2.9"));
    assertThat(new ClientAddress(null).of("10.9.9.9", List.of("192.0.2.1")))
        .as("no trusted proxy at all")
        .isEqualTo(ip("10.9.9.9"));
  }

  @Test
  void of_trustedProxy_theRightMostUntrustedHop() throws Exception {
    assertThat(behindProxy.of("10.0.0.1", List.of("192.0.2.1, 10.0.0.2")))
        .isEqualTo(ip("192.0.2.1"));
    assertThat(behindProxy.of("10.0.0.1", List.of("198.51.100.1, 192.0.2.1:5000")))
        .as("entries to its left are the client's own word")
        .isEqualTo(ip("192.0.2.1"));
    assertThat(behindProxy.of("10.0.0.1", List.of("192.0.2.1", "10.0.0.2")))
        .as("several header lines are one list")
        .isEqualTo(ip("192.0.2.1"));
    assertThat(behindProxy.of("10.0.0.1", List.of())).isEqualTo(ip("10.0.0.1"));
    assertThat(behindProxy.of("10.0.0.1", List.of("10.0.0.3, 10.0.0.2")))
        .as("every hop a proxy: the farthest one")
        .isEqualTo(ip("10.0.0.3"));
  }

  @Test
  void of_trustedProxyWithAnUnreadableHop_clientUnknown() {
    for (String hop : List.of("unknown", "[2001:db8::1]:99999", "", "proxy.internal")) {
      assertThat(behindProxy.of("10.0.0.1", List.of(hop))).as(hop).isNull();
      assertThat(behindProxy.of("10.0.0.1", List.of("192.0.2.1, " + hop))).as(hop).isNull();
    }
    assertThat(behindProxy.of("10.0.0.1", List.of("unknown, 192.0.2.1")))
        .as("an unreadable entry left of the client is the client's own word")
        .isNotNull();
  }
}
