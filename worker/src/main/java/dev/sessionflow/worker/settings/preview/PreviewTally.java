package dev.sessionflow.worker.settings.preview;

import dev.sessionflow.activities.sessions.PastSessions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/** Counts the replayed sessions of one preview, and keeps the newest few whose outcome moves. */
final class PreviewTally {
  static final int EXAMPLES = 5;

  private int considered;
  private int autoClosedNow;
  private int autoClosedWithChange;
  private int earlier;
  private int later;
  private int surveysNow;
  private int surveysWithChange;
  private final List<Long> shiftsSeconds = new ArrayList<>();
  private final Deque<PreviewResponse.Example> examples = new ArrayDeque<>();

  void add(PastSessions.Session session, Hindsight.Outcome now, Hindsight.Outcome withChange) {
    considered++;
    autoClosedNow += now.autoClosed() ? 1 : 0;
    autoClosedWithChange += withChange.autoClosed() ? 1 : 0;
    surveysNow += now.surveyed() ? 1 : 0;
    surveysWithChange += withChange.surveyed() ? 1 : 0;
    if (now.autoClosed() && withChange.autoClosed()) {
      long shift = withChange.autoClosedAt().getEpochSecond() - now.autoClosedAt().getEpochSecond();
      shiftsSeconds.add(shift);
      earlier += shift < 0 ? 1 : 0;
      later += shift > 0 ? 1 : 0;
    }
    if (!Objects.equals(now, withChange)) {
      // Sessions come oldest first: the deque keeps the newest.
      examples.addFirst(
          new PreviewResponse.Example(
              session.sessionId(),
              session.ticketId(),
              PreviewResponse.Outcome.of(now),
              PreviewResponse.Outcome.of(withChange)));
      if (examples.size() > EXAMPLES) {
        examples.removeLast();
      }
    }
  }

  PreviewResponse result(int days) {
    return new PreviewResponse(
        days,
        considered,
        autoClosedNow,
        autoClosedWithChange,
        earlier,
        later,
        median(shiftsSeconds),
        surveysNow,
        surveysWithChange,
        List.copyOf(examples));
  }

  private static Long median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
