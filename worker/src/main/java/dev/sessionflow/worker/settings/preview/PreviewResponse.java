package dev.sessionflow.worker.settings.preview;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * What a settings change would have done to the sessions opened in the last {@code days} days,
 * against what the current settings do to them, both replayed the same way.
 *
 * @param autoClosedEarlier of the sessions that auto-close either way, how many would close sooner
 * @param autoClosedLater of those, how many would close later
 * @param medianShiftSeconds of those, the median move of the auto-close (negative: sooner); null
 *     when none auto-closes either way
 * @param examples a few sessions whose outcome the change moves, the newest first
 */
@Schema(description = "What a settings change would have done to recent sessions; nothing saved")
public record PreviewResponse(
    int days,
    int sessionsConsidered,
    int autoClosedNow,
    int autoClosedWithChange,
    int autoClosedEarlier,
    int autoClosedLater,
    Long medianShiftSeconds,
    int surveysNow,
    int surveysWithChange,
    List<Example> examples) {

  /** One session under both settings. */
  public record Example(String sessionId, String ticketId, Outcome now, Outcome withChange) {}

  /**
   * @param status AUTO_CLOSED, ENDED (someone asked) or OPEN (would still run)
   * @param autoClosedAt when the clock would end it, for AUTO_CLOSED
   * @param endedBy who ends it, for AUTO_CLOSED (SYSTEM) and ENDED
   */
  public record Outcome(String status, Instant autoClosedAt, String endedBy, boolean survey) {
    static Outcome of(Hindsight.Outcome o) {
      String status = o.autoClosed() ? "AUTO_CLOSED" : o.endedBy() != null ? "ENDED" : "OPEN";
      return new Outcome(
          status, o.autoClosedAt(), o.endedBy() == null ? null : o.endedBy().name(), o.surveyed());
    }
  }
}
