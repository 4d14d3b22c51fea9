package dev.sessionflow.activities.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's resolver: it connects only to the addresses checked here, so a host that
 * resolves to a public address when saved and to an internal one later is still refused.
 */
final class GuardedDnsResolver implements DnsResolver {
  private final WebhookDestinations destinations;

  GuardedDnsResolver(WebhookDestinations destinations) {
    this.destinations = destinations;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return destinations.resolveForDelivery(bare);
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return host;
  }
}
