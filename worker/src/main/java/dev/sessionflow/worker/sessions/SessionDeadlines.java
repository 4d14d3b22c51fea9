package dev.sessionflow.worker.sessions;

import dev.sessionflow.activities.sessions.LastWords;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.workflows.session.Author;
import dev.sessionflow.workflows.session.SessionState;
import dev.sessionflow.workflows.session.SessionTimers;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * When an open session's inactivity warning and auto-close fall due, from its last message in the
 * store and the current settings of its channel, by the workflow's own rules ({@link
 * SessionState}), business hours included. One read of the last messages for a whole page of
 * sessions.
 */
@Component
public class SessionDeadlines {
  /** Each null when no such timer runs: the end user wrote last, the timer is off, or it ended. */
  public record Due(Instant warningAt, Instant autoCloseAt) {
    public static final Due NONE = new Due(null, null);
  }

  private final LastWords lastWords;
  private final SettingsStore settings;

  SessionDeadlines(LastWords lastWords, SettingsStore settings) {
    this.lastWords = lastWords;
    this.settings = settings;
  }

  /** By session id; a session that has ended, or has nothing due, is left out. */
  Map<String, Due> of(List<SessionRecord> sessions) {
    Map<String, String> channelOf = new HashMap<>();
    sessions.stream()
        .filter(s -> !s.ended())
        .forEach(s -> channelOf.put(s.sessionId(), s.channel()));
    if (channelOf.isEmpty()) {
      return Map.of();
    }
    MessagingSettings current = settings.current();
    Map<String, SessionTimers> timersOf = new HashMap<>();
    Map<String, Due> due = new HashMap<>();
    lastWords
        .of(channelOf.keySet())
        .forEach(
            (id, shown) -> {
              SessionTimers timers =
                  timersOf.computeIfAbsent(
                      channelOf.get(id), channel -> current.forChannel(channel).timers());
              due.put(id, due(shown, timers));
            });
    return due;
  }

  /** What falls due after {@code shown}, the session's last message from either side. */
  public static Due due(LastWords.Of shown, SessionTimers timers) {
    if (shown == null || !Author.AGENT.name().equals(shown.author())) {
      return Due.NONE;
    }
    SessionState state = SessionState.openedAt(shown.at().toEpochMilli());
    state.lastAuthor = Author.AGENT;
    long close = state.autoCloseDeadline(timers);
    if (close == Long.MAX_VALUE) {
      return Due.NONE;
    }
    if (shown.warned()) {
      state.warnedFor(close);
    }
    long warning = state.warningDeadline(timers);
    return new Due(
        warning == Long.MAX_VALUE ? null : Instant.ofEpochMilli(warning),
        Instant.ofEpochMilli(close));
  }
}
