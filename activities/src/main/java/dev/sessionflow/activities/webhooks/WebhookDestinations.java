package dev.sessionflow.activities.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may go: absolute http(s) URLs (https only, when required) whose host resolves to
 * public addresses, or to a network of {@code sessionflow.webhooks.allowed-networks}. Checked when
 * saved, and again against the resolved address at each connection (DNS rebinding).
 */
@Component
public class WebhookDestinations {

  /** Host name to addresses: the system resolver, or a fixed answer in tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final List<Cidr> allowed;
  private final boolean requireHttps;
  private final Resolver resolver;

  @Autowired
  public WebhookDestinations(WebhookProperties properties) {
    this(properties, InetAddress::getAllByName);
  }

  public WebhookDestinations(WebhookProperties properties, Resolver resolver) {
    this.allowed = properties.allowedNetworks().stream().map(Cidr::parse).toList();
    this.requireHttps = properties.requireHttps();
    this.resolver = resolver;
  }

  /** Why a URL may not be saved, or null when it may. */
  public String refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      return "must be an absolute http(s) URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
      return requireHttps ? "must be an https URL" : "must be an absolute http(s) URL";
    }
    String host = host(uri);
    if (host == null || uri.getRawUserInfo() != null) {
      return "must be an absolute http(s) URL with a host and no credentials";
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      // Not resolvable from here now: the check at connection time still applies.
      return Addresses.isLiteral(host) ? "must be an absolute http(s) URL" : null;
    }
    for (InetAddress address : addresses) {
      String why = refusal(address);
      if (why != null) {
        return refused(host, address, why);
      }
    }
    return null;
  }

  /** The addresses a delivery may connect to; refuses every internal one. */
  public InetAddress[] resolveForDelivery(String host) throws UnknownHostException {
    InetAddress[] addresses = resolver.resolve(host);
    for (InetAddress address : addresses) {
      String why = refusal(address);
      if (why != null) {
        throw new RefusedDestinationException(refused(host, address, why));
      }
    }
    return addresses;
  }

  String refusal(InetAddress address) {
    if (allowed.stream().anyMatch(network -> network.contains(address))) {
      return null;
    }
    return Addresses.internal(address);
  }

  static String host(URI uri) {
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return null;
    }
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  private static String refused(String host, InetAddress address, String why) {
    return "resolves to a "
        + why
        + " address ("
        + host
        + " -> "
        + address.getHostAddress()
        + "); list its network in sessionflow.webhooks.allowed-networks to allow it";
  }

  /** A destination refused at connection time: never retried. */
  public static final class RefusedDestinationException extends UnknownHostException {
    RefusedDestinationException(String message) {
      super(message);
    }
  }
}
