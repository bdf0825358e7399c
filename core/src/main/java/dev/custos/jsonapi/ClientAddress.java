package dev.custos.jsonapi;

import dev.custos.authz.SourceIps;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the client is, for org tokens' {@code sourceIp}: the connection's address, unless the
 * connection comes from a trusted proxy; then the right-most {@code X-Forwarded-For} entry that is
 * not a trusted proxy (entries to its left are the client's own word).
 *
 * <p>An entry is an address as proxies write them: {@code 203.0.113.7}, {@code 203.0.113.7:4711},
 * {@code 2001:db8::1}, {@code [2001:db8::1]}, {@code [2001:db8::1]:443}, {@code fe80::1%eth0} (the
 * port or zone dropped where the form leaves no doubt). Any other entry ({@code unknown}, an
 * obfuscated name, a host name) means the client cannot be told: {@link #of} answers null, and a
 * token limited to source addresses is then refused, never judged by the proxy's own address.
 * Nothing here ever looks a name up. Immutable and thread-safe.
 */
final class ClientAddress {
  // An IPv6 literal starts with a hex digit or a colon: the JDK reads such text as a literal and
  // never as a name to look up. The zone and the port are matched only to be dropped.
  private static final String V6 = "([0-9A-Fa-f:][0-9A-Fa-f:.]{1,44})(?:%[A-Za-z0-9._-]{1,32})?";
  private static final Pattern IPV4 =
      Pattern.compile("([0-9]{1,3}(?:\\.[0-9]{1,3}){3})(:[0-9]{1,5})?");
  private static final Pattern BRACKETED = Pattern.compile("\\[" + V6 + "\\](:[0-9]{1,5})?");
  private static final Pattern IPV6 = Pattern.compile(V6);

  private final SourceIps trustedProxies;

  /**
   * @param trustedProxies the proxies whose {@code X-Forwarded-For} is believed; null for none
   */
  ClientAddress(SourceIps trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  /**
   * Returns the client's address.
   *
   * @param connection the connection's remote address, as text
   * @param forwardedFor the request's {@code X-Forwarded-For} header values, in order
   * @return the client's address, or null if it cannot be told
   */
  InetAddress of(String connection, List<String> forwardedFor) {
    InetAddress peer = entry(connection);
    if (peer == null || trustedProxies == null || !trustedProxies.allows(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",", -1)) {
        hops.add(hop);
      }
    }
    InetAddress client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = entry(hops.get(i));
      if (hop == null) {
        return null; // the chain we can vouch for ends in something that is no address
      }
      client = hop;
      if (!trustedProxies.allows(hop)) {
        return hop;
      }
    }
    return client;
  }

  /** One address as a proxy writes it, without its port or zone; null if it is not one. */
  static InetAddress entry(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    Matcher m;
    if ((m = IPV4.matcher(trimmed)).matches()) {
      return isPort(m.group(2)) ? ipv4(m.group(1)) : null;
    }
    if ((m = BRACKETED.matcher(trimmed)).matches() || (m = IPV6.matcher(trimmed)).matches()) {
      String bare = m.group(1);
      boolean port = m.groupCount() < 2 || isPort(m.group(2));
      return bare.indexOf(':') >= 0 && port ? ipv6(bare) : null;
    }
    return null;
  }

  /** Whether an optional {@code :port} is absent or a port. */
  private static boolean isPort(String colonPort) {
    if (colonPort == null) {
      return true;
    }
    int port = Integer.parseInt(colonPort.substring(1));
    return port >= 1 && port <= 65_535;
  }

  /** Dotted decimal, each part 0 to 255 without a leading zero (which some read as octal). */
  private static InetAddress ipv4(String text) {
    String[] parts = text.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      int value = Integer.parseInt(part);
      if (value > 255 || (part.length() > 1 && part.charAt(0) == '0')) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      return null; // four bytes are always an address
    }
  }

  /** An IPv6 literal: with a colon in it the JDK parses it as one and never looks a name up. */
  private static InetAddress ipv6(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
