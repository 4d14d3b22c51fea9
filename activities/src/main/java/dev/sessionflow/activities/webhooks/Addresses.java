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
      if (a.isSiteLocalAddress()) {
        return "site-local";
      }
    }
    return null;
  }
}
