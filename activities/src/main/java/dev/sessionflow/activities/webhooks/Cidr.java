package dev.sessionflow.activities.webhooks;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
record Cidr(byte[] network, int prefix) {

  static Cidr parse(String text) {
    String[] parts = text.trim().split("/", 2);
    if (!Addresses.isLiteral(parts[0])) {
      throw new IllegalArgumentException("not an IP network: " + text);
    }
    byte[] network;
    try {
      network = InetAddress.getByName(parts[0]).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP network: " + text, e);
    }
    int bits = network.length * 8;
    int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix out of range: " + text);
    }
    return new Cidr(network, prefix);
  }

  boolean contains(InetAddress address) {
    byte[] a = Addresses.canonical(address).getAddress();
    if (a.length != network.length) {
      return false;
    }
    int bits = a.length * 8;
    BigInteger mask =
        BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
    return new BigInteger(1, a).and(mask).equals(new BigInteger(1, network).and(mask));
  }
}
