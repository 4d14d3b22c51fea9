package dev.sessionflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser signed in to the workspace with a development identity, keeping its cookie and CSRF
 * token (the form's, or the page's meta tag that htmx requests send as a header).
 */
public final class SignedInBrowser {
  private static final Pattern CSRF =
      Pattern.compile("(?:name=\"_csrf\" value|name=\"csrf-token\" content)=\"([^\"]+)\"");

  public final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String base;
  private String csrf = "";

  private SignedInBrowser(String base) {
    this.base = base;
  }

  /** Signs in as {@code identity} (dev-agent-1, dev-agent-2, dev-admin) at {@code base}. */
  public static SignedInBrowser as(String base, String identity) throws Exception {
    SignedInBrowser browser = new SignedInBrowser(base);
    String token = browser.csrf("/login");
    HttpResponse<String> signedIn =
        browser.post(
            "/login",
            "username="
                + identity
                + "&password=dev&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    assertThat(signedIn.headers().firstValue("Location").orElse(""))
        .as("signed in as " + identity)
        .endsWith("/inbox");
    browser.csrf = browser.csrf("/inbox");
    return browser;
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A form post, with the CSRF header once signed in. */
  public HttpResponse<String> post(String path, String form)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (!csrf.isEmpty()) {
      request.header("X-CSRF-TOKEN", csrf);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String csrf(String path) throws IOException, InterruptedException {
    Matcher m = CSRF.matcher(get(path).body());
    assertThat(m.find()).as("a CSRF token on " + path).isTrue();
    return m.group(1);
  }
}
