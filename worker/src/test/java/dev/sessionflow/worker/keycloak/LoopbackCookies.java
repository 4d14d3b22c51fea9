package dev.sessionflow.worker.keycloak;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cookies as a browser keeps them for loopback addresses: browsers treat {@code http://127.0.0.1}
 * as a secure context and send its {@code Secure} cookies (Keycloak marks its sign-in cookies so);
 * Java's {@link CookieManager} would not, so the attribute is dropped for loopback hosts.
 */
final class LoopbackCookies extends CookieHandler {
  private final CookieManager cookies = new CookieManager();

  @Override
  public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders)
      throws IOException {
    return cookies.get(uri, requestHeaders);
  }

  @Override
  public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
    if (!"127.0.0.1".equals(uri.getHost())) {
      cookies.put(uri, responseHeaders);
      return;
    }
    Map<String, List<String>> headers = new HashMap<>();
    responseHeaders.forEach(
        (name, values) ->
            headers.put(
                name,
                name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList()
                    : values));
    cookies.put(uri, headers);
  }
}
