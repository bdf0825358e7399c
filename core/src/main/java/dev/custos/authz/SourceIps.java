package dev.custos.authz;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The client addresses an org API token may be used from (Unit's {@code sourceIp}): IPv4 and IPv6
 * addresses and CIDR blocks, comma-separated without spaces, such as {@code
 * 203.0.113.7,10.0.0.0/8,2001:db8::/32}. Nothing else is accepted: no host names, wildcards or
 * ranges.
 *
 * <p>Immutable and thread-safe.
 */
public final class SourceIps {
  // What a literal may look like before IPAddress parses it: its own syntax is wider (wildcards,
  // ranges, and forms such as "1.2.3") than Unit's list of addresses and CIDR blocks.
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(/\\d{1,3})?");

  private final List<IPAddress> blocks;
  private final String text;

  private SourceIps(List<IPAddress> blocks, String text) {
    this.blocks = blocks;
    this.text = text;
  }

  /**
   * Parses a comma-separated list.
   *
   * @param list addresses and CIDR blocks, comma-separated, no spaces, at least one
   * @return the parsed list
   * @throws IllegalArgumentException naming the first entry that is not an IPv4 or IPv6 address or
   *     CIDR block
   * @throws NullPointerException if {@code list} is null
   */
  public static SourceIps parse(String list) {
    Objects.requireNonNull(list, "list");
    List<IPAddress> blocks = new ArrayList<>();
    for (String entry : list.split(",", -1)) {
      IPAddress address = null;
      if (IPV4.matcher(entry).matches() || IPV6.matcher(entry).matches()) {
        address = new IPAddressString(entry).getAddress();
      }
      if (address == null) {
        throw new IllegalArgumentException(
            "sourceIp entry '"
                + (entry.length() > 64 ? entry.substring(0, 64) + "..." : entry)
                + "' is not an IPv4 or IPv6 address or CIDR block");
      }
      blocks.add(address.isPrefixed() ? address.toPrefixBlock() : address);
    }
    return new SourceIps(List.copyOf(blocks), list);
  }

  /**
   * Returns whether a client address is on the list. An IPv4 client reached over IPv6 as an
   * IPv4-mapped address ({@code ::ffff:a.b.c.d}) counts as its IPv4 address.
   *
   * @param client the client's address
   * @return {@code true} if an entry holds it
   * @throws NullPointerException if {@code client} is null
   */
  public boolean allows(InetAddress client) {
    Objects.requireNonNull(client, "client");
    IPAddress address = new IPAddressString(client.getHostAddress()).getAddress();
    if (address == null) {
      return false;
    }
    if (address.isIPv6() && address.isIPv4Convertible() && address.toIPv6().isIPv4Mapped()) {
      address = address.toIPv4();
    }
    for (IPAddress block : blocks) {
      if (block.getIPVersion() == address.getIPVersion() && block.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the list as given.
   *
   * @return the comma-separated list
   */
  @Override
  public String toString() {
    return text;
  }
}
