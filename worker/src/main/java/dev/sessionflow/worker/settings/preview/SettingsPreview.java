package dev.sessionflow.worker.settings.preview;

import dev.sessionflow.activities.sessions.PastSessions;
import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.worker.settings.SettingsChangeRequest;
import dev.sessionflow.worker.settings.SettingsService;
import dev.sessionflow.workflows.session.SessionPolicy;
import dev.sessionflow.workflows.session.SessionTimers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Tries a settings change on the sessions of the last days: no settings version, signal, message,
 * webhook or survey; only reads.
 */
@Service
public class SettingsPreview {
  public static final int DEFAULT_DAYS = 7;
  public static final int MAX_DAYS = 90;

  private final SettingsService settings;
  private final PastSessions past;
  private final Clock clock;

  SettingsPreview(SettingsService settings, PastSessions past, Clock clock) {
    this.settings = settings;
    this.past = past;
    this.clock = clock;
  }

  /** The change is checked as a save is (a bad one is the same 400) and never saved. */
  public PreviewResponse preview(SettingsChangeRequest change, int days) {
    return preview(settings.draft(change), days);
  }

  /**
   * What the settings {@code draft} would have done, against the current ones: each session under
   * its own channel's settings, as it ran.
   */
  public PreviewResponse preview(MessagingSettings draft, int days) {
    Function<String, Rules> rulesNow = Rules.byChannel(settings.current());
    Function<String, Rules> rulesThen = Rules.byChannel(draft);
    Instant now = clock.instant();
    PreviewTally tally = new PreviewTally();
    past.forEachOpenedSince(
        now.minus(Duration.ofDays(days)),
        session -> {
          Rules before = rulesNow.apply(session.channel());
          Rules after = rulesThen.apply(session.channel());
          tally.add(
              session,
              Hindsight.replay(session, before.timers(), before.policy(), now),
              Hindsight.replay(session, after.timers(), after.policy(), now));
        });
    return tally.result(days);
  }

  /** The timers and policy a channel's sessions run with, worked out once per channel. */
  private record Rules(SessionTimers timers, SessionPolicy policy) {
    static Function<String, Rules> byChannel(MessagingSettings settings) {
      Map<String, Rules> seen = new HashMap<>();
      return channel ->
          seen.computeIfAbsent(
              channel,
              c -> {
                MessagingSettings own = settings.forChannel(c);
                return new Rules(own.timers(), own.sessionPolicy());
              });
    }
  }
}
