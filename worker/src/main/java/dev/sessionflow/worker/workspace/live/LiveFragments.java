package dev.sessionflow.worker.workspace.live;

import dev.sessionflow.worker.api.ApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Live pages without shared state: each open stream re-renders its fragments from the services
 * about once a second and pushes the ones that changed, as named SSE events that htmx swaps in. Any
 * replica can serve any stream, since everything is read from the services each time.
 */
@Component
public class LiveFragments {
  private static final Logger log = LoggerFactory.getLogger(LiveFragments.class);
  static final Duration PERIOD = Duration.ofSeconds(1);

  /** The browser reconnects after this; a stream never holds a thread for long. */
  static final Duration STREAM_LIFETIME = Duration.ofMinutes(10);

  private final ITemplateEngine templates;

  LiveFragments(ITemplateEngine templates) {
    this.templates = templates;
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

  private static String hash(String html) {
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
   * Streams the events {@code frames} renders (event name to HTML) while the browser listens. Each
   * event is sent when its HTML differs from the last sent, or from what the page was rendered with
   * ({@code seen}, a {@link #fingerprint}).
   */
  public SseEmitter stream(String name, String seen, Supplier<Map<String, String>> frames) {
    return stream(name, seen, () -> true, frames);
  }

  /**
   * The same, for a signed-in page: before every push the stream asks {@code allowed} (still signed
   * in as the same caller) and ends when it answers no, or when the caller may no longer read what
   * the frames show.
   */
  public SseEmitter stream(
      String name, String seen, BooleanSupplier allowed, Supplier<Map<String, String>> frames) {
    SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
    AtomicBoolean open = new AtomicBoolean(true);
    emitter.onCompletion(() -> open.set(false));
    // The browser reconnects when a stream ends: its lifetime ending is a normal end, not a
    // failure.
    emitter.onTimeout(
        () -> {
          open.set(false);
          emitter.complete();
        });
    emitter.onError(e -> open.set(false));
    Map<String, String> sent = parse(seen);
    Thread.ofVirtual().name("live-" + name).start(() -> pump(emitter, open, allowed, sent, frames));
    return emitter;
  }

  private static void pump(
      SseEmitter emitter,
      AtomicBoolean open,
      BooleanSupplier allowed,
      Map<String, String> sent,
      Supplier<Map<String, String>> frames) {
    while (open.get() && allowed.getAsBoolean()) {
      try {
        for (Map.Entry<String, String> frame : frames.get().entrySet()) {
          String hash = hash(frame.getValue());
          if (!hash.equals(sent.get(frame.getKey()))) {
            emitter.send(SseEmitter.event().name(frame.getKey()).data(oneLine(frame.getValue())));
            sent.put(frame.getKey(), hash);
          }
        }
      } catch (IOException | IllegalStateException gone) {
        open.set(false);
        break;
      } catch (ApiException outOfSight) {
        // Reassigned, regrouped or gone: the caller may no longer read it.
        break;
      } catch (RuntimeException e) {
        // A service error (database briefly away): keep the page as it is and try again.
        log.debug("live fragment failed, retrying", e);
      }
      try {
        Thread.sleep(PERIOD);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    emitter.complete();
  }

  /**
   * An SSE data line cannot hold a line break: text nodes keep theirs as a character reference,
   * which renders the same.
   */
  static String oneLine(String html) {
    return html.replace("\r", "").replace("\n", "&#10;");
  }
}
