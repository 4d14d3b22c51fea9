package dev.sessionflow.worker.workspace.live;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Live pages: fragments re-rendered from the services about once a second ({@link LiveHub}) and
 * pushed when they changed, as named SSE events that htmx swaps in. Any replica can serve any
 * stream, since everything is read from the services each time.
 */
@Component
public class LiveFragments {
  private final ITemplateEngine templates;
  private final LiveHub hub;

  LiveFragments(ITemplateEngine templates, LiveHub hub) {
    this.templates = templates;
    this.hub = hub;
  }

  /** Renders one fragment ({@code template :: fragment}) with the model, outside any request. */
  public String render(String template, String fragment, Map<String, Object> model) {
    return templates.process(template, Set.of(fragment), new Context(Locale.ENGLISH, model));
  }

  /**
   * What a page was rendered with, for its stream URL: the stream then sends only what changed
   * since (a composer being typed in is not replaced by the same composer).
   */
  public String fingerprint(Map<String, String> frames) {
    StringBuilder seen = new StringBuilder();
    frames.forEach(
        (event, html) ->
            seen.append(seen.isEmpty() ? "" : ".").append(event).append('-').append(hash(html)));
    return seen.toString();
  }

  static String hash(String html) {
    return Integer.toHexString(html.hashCode());
  }

  private static Map<String, String> parse(String seen) {
    Map<String, String> hashes = new HashMap<>();
    if (seen != null) {
      for (String part : seen.split("[.]")) {
        int dash = part.lastIndexOf('-');
        if (dash > 0) {
          hashes.put(part.substring(0, dash), part.substring(dash + 1));
        }
      }
    }
    return hashes;
  }

  /**
   * Streams the events {@code frames} renders (event name to HTML) while the browser listens,
   * through the shared poll of {@link LiveHub}. Each event is sent when its HTML differs from the
   * last sent, or from what the page was rendered with ({@code seen}, a {@link #fingerprint}).
   *
   * @param owner whose stream it is, for the per-user cap (the caller, or the chat's conversation)
   * @param view what the stream shows to whom: streams of the same view share one rendering, so it
   *     names the caller as well as the page
   * @param allowed asked before every push (still signed in as the same caller); the stream ends
   *     when it answers no, or when the caller may no longer read what the frames show
   */
  public SseEmitter stream(
      String owner,
      String view,
      String seen,
      BooleanSupplier allowed,
      Supplier<Map<String, String>> frames) {
    return hub.subscribe(owner, view, parse(seen), allowed, frames);
  }

  /**
   * An SSE data line cannot hold a line break: text nodes keep theirs as a character reference,
   * which renders the same.
   */
  static String oneLine(String html) {
    return html.replace("\r", "").replace("\n", "&#10;");
  }
}
