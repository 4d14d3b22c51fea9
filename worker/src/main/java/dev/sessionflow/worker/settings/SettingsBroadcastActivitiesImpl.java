package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.worker.sessions.SessionGateway;
import dev.sessionflow.workflows.reconciler.SessionReconciler;
import dev.sessionflow.workflows.session.SessionSettings;
import dev.sessionflow.workflows.settings.SettingsBroadcast;
import dev.sessionflow.workflows.settings.SettingsBroadcastActivities;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.spring.boot.ActivityImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The walk over the open sessions for a change that brought a deadline sooner (every other change
 * is pulled by the sessions), on its own queue (it never takes a session's activity slot). Signals
 * go out several at a time (each is a round trip to the server: one after the other, a few hundred
 * sessions took seconds), as many as the server answers quickly ({@link SignalWindow}, at most
 * {@value #IN_FLIGHT}) and at most {@code sessionflow.settings.broadcast-per-second}, so that a
 * change reaching many sessions does not crowd out their messages. Each page sends the settings
 * current then, so a pulled change saved during the walk goes out with it. It heartbeats while it
 * waits and after each page, which a retry resumes after (a session signalled twice ignores the
 * version it holds); it stops after any page once a newer change is pushed, whose walk takes over.
 */
@Component
// Also on the maintenance queue, where a walk that older code scheduled still waits for a worker.
@ActivityImpl(taskQueues = {SettingsBroadcast.ACTIVITY_TASK_QUEUE, SessionReconciler.TASK_QUEUE})
class SettingsBroadcastActivitiesImpl implements SettingsBroadcastActivities {
  static final int PAGE = 500;
  static final int IN_FLIGHT = 16;

  private final SettingsStore settings;
  private final SessionStore sessions;
  private final SessionGateway gateway;
  private final long nanosPerSignal;

  SettingsBroadcastActivitiesImpl(
      SettingsStore settings,
      SessionStore sessions,
      SessionGateway gateway,
      @Value("${sessionflow.settings.broadcast-per-second:1000}") int perSecond) {
    this.settings = settings;
    this.sessions = sessions;
    this.gateway = gateway;
    this.nanosPerSignal = 1_000_000_000L / Math.max(1, perSecond);
  }

  @Override
  public int sendToRunningSessions(long version) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    if (settings.pushedVersion() > version) {
      return 0; // superseded: the newer pushed version's walk sends newer settings
    }
    String after = context.getHeartbeatDetails(String.class).orElse("");
    int reached = 0;
    long next = System.nanoTime();
    SignalWindow window = new SignalWindow(IN_FLIGHT);
    List<String> page;
    try (ExecutorService signals = Executors.newVirtualThreadPerTaskExecutor()) {
      while (!(page = sessions.openSessionIds(after, PAGE)).isEmpty()) {
        SessionSettings changed = settings.current().forSessions();
        List<Future<?>> sent = new ArrayList<>(page.size());
        for (String sessionId : page) {
          LockSupport.parkNanos(next - System.nanoTime());
          next = Math.max(next, System.nanoTime() - nanosPerSignal) + nanosPerSignal;
          window.take();
          sent.add(signals.submit(() -> signal(sessionId, changed, window)));
          context.heartbeat(after); // alive (the SDK throttles); a retry starts this page again
        }
        for (Future<?> signal : sent) {
          await(signal); // a failure fails the attempt: its retry resumes after the last page
        }
        reached += page.size();
        after = page.getLast();
        context.heartbeat(after);
        if (settings.pushedVersion() > version) {
          return reached; // a newer change was pushed meanwhile: its walk takes over
        }
      }
    }
    return reached;
  }

  private void signal(String sessionId, SessionSettings changed, SignalWindow window) {
    long sent = System.nanoTime();
    try {
      gateway.changeSettings(sessionId, changed);
    } catch (RuntimeException failed) {
      window.failed();
      throw failed;
    }
    window.done(System.nanoTime() - sent);
  }

  private static void await(Future<?> signal) {
    try {
      signal.get();
    } catch (ExecutionException failed) {
      throw failed.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(failed.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
