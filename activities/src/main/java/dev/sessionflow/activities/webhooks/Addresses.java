package dev.sessionflow.activities.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Which addresses belong to the service's own networks (and so are no webhook destination). */
final class Addresses {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Addresses() {}

  static boolean isLiteral(String host) {
    return IPV4.matcher(host).matches() || host.contains(":");
  }

  /** IPv4-mapped and IPv4-compatible IPv6 addresses as the IPv4 address they carry. */
  static InetAddress canonical(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      boolean zeros = true;
      for (int i = 0; i < 10; i++) {
        zeros &= b[i] == 0;
      }
      boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
      if (mapped) {
        try {
          return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return address;
  }

  /**
   * Why an IPv6 address carries an IPv4 one that a translator or tunnel would reach (NAT64, 6to4,
   * Teredo, IPv4-compatible), or null. Such an address can name any IPv4 host, the service's own
   * networks included, so none is a destination unless its network is allowed.
   */
  private static String ipv4Carrier(byte[] b) {
    int w0 = (b[0] & 0xff) << 8 | (b[1] & 0xff);
    int w1 = (b[2] & 0xff) << 8 | (b[3] & 0xff);
    int w2 = (b[4] & 0xff) << 8 | (b[5] & 0xff);
    if (w0 == 0x64 && w1 == 0xff9b && (w2 == 0 || w2 == 1)) {
      return "NAT64 (64:ff9b::/96, 64:ff9b:1::/48)";
    }
    if (w0 == 0x2002) {
      return "6to4 (2002::/16)";
    }
    if (w0 == 0x2001 && w1 == 0) {
      return "Teredo (2001::/32)";
    }
    boolean zeros = true;
    for (int i = 0; i < 12; i++) {
      zeros &= b[i] == 0;
    }
    return zeros ? "IPv4-compatible (::a.b.c.d)" : null;
  }

  /** Why an address is internal, or null when it is a public destination. */
  static String internal(InetAddress raw) {
    InetAddress a = canonical(raw);
    byte[] b = a.getAddress();
    if (a.isAnyLocalAddress() || a instanceof Inet4Address && b[0] == 0) {
      return "unspecified";
    }
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isLinkLocalAddress()) {
      return "link-local";
    }
    if (a.isMulticastAddress() || a instanceof Inet4Address && (b[0] & 0xff) >= 240) {
      return "multicast or reserved";
    }
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (a.isSiteLocalAddress()) {
        return "private (RFC 1918)";
      }
      if (first == 100 && second >= 64 && second <= 127) {
        return "shared address space (RFC 6598)";
      }
      if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
        return "IETF protocol assignments";
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "benchmarking (RFC 2544)";
      }
    } else {
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique local (ULA)";
      }
      String carrier = ipv4Carrier(b);
      if (carrier != null) {
        return carrier;
      }
      if (a.isSiteLocalAddress()) {
        return "site-local";
      }
    }
    return null;
  }
}
