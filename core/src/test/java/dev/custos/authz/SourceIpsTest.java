package dev.custos.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiException;
import dev.custos.token.TokenRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Org tokens limited to client addresses: IPv4, IPv6, CIDR, and nothing looser. */
class SourceIpsTest {
  /** An org token's Authorization header, limited to {@code sourceIp}. */
  private static String orgHeader(TestPlatform platform, String sourceIp) {
    return "Bearer "
        + platform
            .minter
            .mint(TokenRequest.org(platform.catalog.parse("customers")).fromSourceIp(sourceIp))
            .token();
  }

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void allows_addressesAndBlocksOfBothFamilies() throws Exception {
    SourceIps ips = SourceIps.parse("203.0.113.7,10.0.0.0/8,2001:db8::/32,::1");

    assertThat(ips.allows(ip("203.0.113.7"))).isTrue();
    assertThat(ips.allows(ip("203.0.113.8"))).isFalse();
    assertThat(ips.allows(ip("10.255.1.2"))).isTrue();
    assertThat(ips.allows(ip("11.0.0.1"))).isFalse();
    assertThat(ips.allows(ip("2001:db8:1::5"))).isTrue();
    assertThat(ips.allows(ip("2001:db9::5"))).isFalse();
    assertThat(ips.allows(ip("::1"))).isTrue();
    assertThat(ips.allows(ip("::ffff:10.1.2.3"))).as("IPv4-mapped").isTrue();
    assertThat(ips).hasToString("203.0.113.7,10.0.0.0/8,2001:db8::/32,::1");
  }

  @Test
  void allows_ipv4MappedIpv6Client_judgedAsItsIpv4Address() throws Exception {
    // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; a socket layer or proxy
    // can still hand over the IPv6 form, built here directly.
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    byte[] v4 = ip("10.1.2.3").getAddress();
    System.arraycopy(v4, 0, mapped, 12, 4);
    InetAddress client = Inet6Address.getByAddress(null, mapped, 0);

    assertThat(client).isInstanceOf(Inet6Address.class);
    assertThat(SourceIps.parse("10.0.0.0/8").allows(client)).isTrue();
    assertThat(SourceIps.parse("11.0.0.0/8").allows(client)).isFalse();
    assertThat(SourceIps.parse("::/0").allows(client)).as("an IPv6 list, an IPv4 client").isFalse();
  }

  @Test
  void parse_longEntry_messageQuotesAtMost64Characters() {
    String entry = "x".repeat(64);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SourceIps.parse(entry))
        .withMessage("sourceIp entry '" + entry + "' is not an IPv4 or IPv6 address or CIDR block");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SourceIps.parse(entry + "y".repeat(2_000)))
        .withMessage(
            "sourceIp entry '" + entry + "...' is not an IPv4 or IPv6 address or CIDR block");
  }

  @Test
  void parse_cidrWithHostBits_isTheWholeBlock() throws Exception {
    assertThat(SourceIps.parse("10.1.2.3/8").allows(ip("10.200.0.1"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1.2.3",
        "1.2.3.256",
        "1.2.3.4/33",
        "1.2.3.*",
        "1.2.3.4-5",
        "localhost",
        "example.com",
        "::1/129",
        "1.2.3.4,",
        ",1.2.3.4",
        "1.2.3.4 ",
        "1.2.3.4;5.6.7.8",
        "gggg::1"
      })
  void parse_notAnAddressOrBlock_refusedNamingTheEntry(String list) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SourceIps.parse(list))
        .withMessageContaining("is not an IPv4 or IPv6 address or CIDR block");
  }

  @Test
  void authenticate_orgTokenWithSourceIp_onlyFromThoseAddresses() throws Exception {
    TestPlatform platform = new TestPlatform();
    List<AuthorizationListener.Denial> heard = new ArrayList<>();
    RequestAuthorizer authorizer =
        RequestAuthorizer.builder()
            .verifier(platform.verifier)
            .clock(platform.time)
            .listener(heard::add)
            .build();
    String header = orgHeader(platform, "10.0.0.0/8");

    assertThat(authorizer.authenticate(header, ip("10.1.2.3")).sourceIp()).contains("10.0.0.0/8");
    for (InetAddress other : new InetAddress[] {ip("192.168.1.1"), null}) {
      assertThatExceptionOfType(ApiException.class)
          .as("from %s, cached", other)
          .isThrownBy(() -> authorizer.authenticate(header, other))
          .satisfies(e -> assertThat(e.status()).isEqualTo(403))
          .satisfies(e -> assertThat(e.error().detail()).isEqualTo("source IP not allowed"));
    }
    assertThatExceptionOfType(ApiException.class).isThrownBy(() -> authorizer.authenticate(header));
    assertThat(heard).containsOnly(AuthorizationListener.Denial.SOURCE_IP).hasSize(3);
    String anywhere =
        "Bearer "
            + platform.minter.mint(TokenRequest.org(platform.catalog.parse("customers"))).token();
    assertThat(authorizer.authenticate(anywhere, ip("192.168.1.1")).sourceIp()).isEmpty();
    assertThat(authorizer.authenticate(anywhere).sourceIp()).isEmpty();
  }

  @Test
  void authenticate_tokenWithAMalformedSourceIp_invalid() throws Exception {
    TestPlatform platform = new TestPlatform();
    String header = orgHeader(platform, "10.0.0.0/8,example.com");

    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> platform.authorizer.authenticate(header, ip("10.1.2.3")))
        .satisfies(e -> assertThat(e.status()).isEqualTo(401))
        .satisfies(
            e -> assertThat(e.error().detail()).isEqualTo("the token's sourceIp is malformed"));
  }
}
