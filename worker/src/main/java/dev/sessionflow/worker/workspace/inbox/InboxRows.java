package dev.sessionflow.worker.workspace.inbox;

import dev.sessionflow.activities.sessions.LastWords;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.sessions.SessionResponse;
import dev.sessionflow.worker.sessions.SessionService;
import dev.sessionflow.worker.workspace.WorkspaceServices;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Builds the inbox: the page of sessions in the caller's sight (one query, scoped), and what each
 * shows (one query for them all: {@link LastWords}); the page brings each session's countdowns. A
 * few reads whatever the number of rows; the live stream re-reads no transcript.
 */
@Component
public class InboxRows {
  static final int LIMIT = 100;

  private final SessionService sessions;
  private final LastWords lastWords;

  InboxRows(WorkspaceServices services, LastWords lastWords) {
    this.sessions = services.sessions();
    this.lastWords = lastWords;
  }

  /** The sessions {@code caller} may see, in inbox order. */
  public List<InboxRow> rows(Caller caller) {
    List<SessionResponse> page = sessions.page(caller, null, null, null, LIMIT).sessions();
    // The ids come from the caller's scoped page: what they show is in the caller's sight.
    Map<String, LastWords.Of> shown =
        lastWords.of(page.stream().map(SessionResponse::sessionId).toList());
    return page.stream().map(s -> row(s, shown.get(s.sessionId()))).sorted(INBOX_ORDER).toList();
  }

  /** By rank; the longest waiting first among those waiting, else the latest first. */
  static final Comparator<InboxRow> INBOX_ORDER =
      (a, b) -> {
        if (a.rank() != b.rank()) {
          return Integer.compare(a.rank(), b.rank());
        }
        Comparator<Instant> time = Comparator.nullsLast(Comparator.naturalOrder());
        return a.rank() == 0
            ? time.compare(a.lastAt(), b.lastAt())
            : time.compare(b.lastAt(), a.lastAt());
      };

  /** The countdowns are the session's own {@code warningAt} and {@code autoCloseAt}. */
  private static InboxRow row(SessionResponse s, LastWords.Of shown) {
    boolean said = shown != null && shown.author() != null;
    boolean open = !"ENDED".equals(s.status());
    boolean agentWroteLast = said && "AGENT".equals(shown.author());
    return new InboxRow(
        s.sessionId(),
        s.ticketId(),
        s.endUserId(),
        s.status(),
        open && !agentWroteLast,
        said ? shown.text() : "",
        said ? author(shown) : "",
        said ? shown.at() : s.openedAt(),
        shown == null ? null : shown.ticketGroup(),
        s.assignedAgentId(),
        s.warningAt(),
        s.autoCloseAt());
  }

  static String author(LastWords.Of m) {
    return switch (m.author()) {
      case "AGENT" -> m.agentId();
      case "END_USER" -> "end user";
      default -> "system";
    };
  }
}
