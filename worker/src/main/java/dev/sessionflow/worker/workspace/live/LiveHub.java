package dev.sessionflow.worker.workspace.live;

import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.ProblemType;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Every live stream from one shared poll. Streams that show the same view to the same caller (an
 * agent's inbox in several tabs) share one {@link View}: once a second each view renders its frames
 * once, whatever number of streams watch it, and each stream is sent the frames that changed for
 * it. One scheduler thread polls; sends go on virtual threads, one at a time per stream, so a slow
 * browser holds up only itself. Streams are capped per owner and in all: beyond, {@code 429
 * rate-limited}.
 */
@Component
public class LiveHub {
  private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
  static final Duration PERIOD = Duration.ofSeconds(1);

  /** The browser reconnects after this; no stream is held for ever. */
  static final Duration STREAM_LIFETIME = Duration.ofMinutes(10);

  private final int perOwner;
  private final int total;
  private final Map<String, View> views = new ConcurrentHashMap<>();

  /** Open streams per owner; an owner with none has no entry. */
  private final Map<String, Integer> owners = new ConcurrentHashMap<>();

  private final AtomicInteger open = new AtomicInteger();
  private final ScheduledExecutorService poll =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("live-poll").factory());
  private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();

  LiveHub(
      @Value("${sessionflow.live.max-streams-per-user:20}") int perOwner,
      @Value("${sessionflow.live.max-streams:1000}") int total) {
    this.perOwner = perOwner;
    this.total = total;
    poll.scheduleWithFixedDelay(this::tick, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Ends every stream when the service begins to stop, before the web server drains its requests:
   * an open stream would hold the graceful shutdown for its whole lifetime, and the browser
   * reconnects (to another replica) at once.
   */
  @EventListener(ContextClosedEvent.class)
  void endStreams() {
    views.values().forEach(view -> view.streams.forEach(s -> s.emitter.complete()));
  }

  @PreDestroy
  void stop() {
    poll.shutdownNow();
    sends.shutdownNow();
  }

  /** How many streams are open now. */
  public int open() {
    return open.get();
  }

  /** How many views are polled each period (distinct caller and page pairs). */
  public int views() {
    return views.size();
  }

  /**
   * Opens a stream of {@code view} (its frames rendered by {@code frames}) for {@code owner}.
   *
   * @param sent what the browser already shows: event name to hash
   * @param allowed asked before every push; the stream ends when it answers no
   * @throws ApiException {@code rate-limited} when the owner or the service holds too many
   */
  SseEmitter subscribe(
      String owner,
      String view,
      Map<String, String> sent,
      BooleanSupplier allowed,
      Supplier<Map<String, String>> frames) {
    int owned = owners.merge(owner, 1, Integer::sum);
    int all = open.incrementAndGet();
    if (owned > perOwner || all > total) {
      release(owner);
      throw new ApiException(
          ProblemType.RATE_LIMITED,
          "Too many live pages open: close some (at most "
              + perOwner
              + " per user, "
              + total
              + " in all)");
    }
    SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
    Stream stream = new Stream(emitter, allowed, sent);
    // Added inside compute: the poll drops a view with no streams in compute too, so a stream is
    // never added to a view that is being dropped.
    View watched =
        views.compute(
            view,
            (key, current) -> {
              View v = current != null ? current : new View(frames);
              v.streams.add(stream);
              return v;
            });
    Runnable gone =
        () -> {
          if (watched.streams.remove(stream)) {
            release(owner);
          }
        };
    emitter.onCompletion(gone);
    emitter.onError(e -> gone.run());
    emitter.onTimeout(
        () -> {
          gone.run();
          emitter.complete();
        });
    try {
      // Sent as soon as the response starts: the browser sees the stream open now, not at the
      // next poll.
      emitter.send(SseEmitter.event().comment("open"));
    } catch (IOException e) {
      gone.run();
    }
    return emitter;
  }

  private void release(String owner) {
    owners.computeIfPresent(owner, (o, n) -> n == 1 ? null : n - 1);
    open.decrementAndGet();
  }

  private void tick() {
    views.forEach(
        (key, view) -> {
          if (views.computeIfPresent(key, (k, v) -> v.streams.isEmpty() ? null : v) == null) {
            return;
          }
          Map<String, String> frames;
          try {
            frames = view.frames.get();
          } catch (ApiException outOfSight) {
            // Reassigned, regrouped or gone: the caller may no longer read it.
            view.streams.forEach(s -> s.emitter.complete());
            return;
          } catch (RuntimeException e) {
            // A service error (database briefly away): keep the pages as they are, try again.
            log.debug("live view {} failed, retrying", key, e);
            return;
          }
          view.streams.forEach(stream -> push(stream, frames));
        });
  }

  private void push(Stream stream, Map<String, String> frames) {
    if (!stream.busy.compareAndSet(false, true)) {
      return; // still sending the last push to a slow browser
    }
    sends.execute(
        () -> {
          try {
            if (!stream.allowed.getAsBoolean()) {
              stream.emitter.complete();
              return;
            }
            for (Map.Entry<String, String> frame : frames.entrySet()) {
              String hash = LiveFragments.hash(frame.getValue());
              if (!hash.equals(stream.sent.get(frame.getKey()))) {
                stream.emitter.send(
                    SseEmitter.event()
                        .name(frame.getKey())
                        .data(LiveFragments.oneLine(frame.getValue())));
                stream.sent.put(frame.getKey(), hash);
              }
            }
          } catch (IOException | IllegalStateException gone) {
            stream.emitter.complete(); // the browser went away
          } finally {
            stream.busy.set(false);
          }
        });
  }

  /** A view and the streams that watch it. */
  private static final class View {
    final Supplier<Map<String, String>> frames;
    final Set<Stream> streams = ConcurrentHashMap.newKeySet();

    View(Supplier<Map<String, String>> frames) {
      this.frames = frames;
    }
  }

  /**
   * One browser's stream: what it was last sent, and whether it may still be sent anything. Kept in
   * sets by identity (its sent map changes).
   */
  private static final class Stream {
    final SseEmitter emitter;
    final BooleanSupplier allowed;
    final Map<String, String> sent;
    final AtomicBoolean busy = new AtomicBoolean();

    Stream(SseEmitter emitter, BooleanSupplier allowed, Map<String, String> sent) {
      this.emitter = emitter;
      this.allowed = allowed;
      this.sent = new ConcurrentHashMap<>(sent);
    }
  }
}
