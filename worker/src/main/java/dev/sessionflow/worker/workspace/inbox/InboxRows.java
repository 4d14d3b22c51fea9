package dev.sessionflow.worker.workspace.inbox;

import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.conversations.ConversationService;
import dev.sessionflow.worker.conversations.TranscriptMessage;
import dev.sessionflow.worker.sessions.SessionResponse;
import dev.sessionflow.worker.sessions.SessionService;
import dev.sessionflow.worker.settings.SettingsService;
import dev.sessionflow.worker.tickets.TicketService;
import dev.sessionflow.worker.workspace.WorkspaceServices;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds the inbox from the session, conversation, ticket and settings services. */
@Component
public class InboxRows {
  static final int LIMIT = 100;

  private final SessionService sessions;
  private final ConversationService conversations;
  private final TicketService tickets;
  private final SettingsService settings;

  InboxRows(WorkspaceServices services) {
    this.sessions = services.sessions();
    this.conversations = services.conversations();
    this.tickets = services.tickets();
    this.settings = services.settings();
  }

  /** The sessions {@code caller} may see, in inbox order. */
  public List<InboxRow> rows(Caller caller) {
    MessagingSettings current = settings.current();
    return sessions.page(caller, null, null, null, LIMIT).sessions().stream()
        .map(s -> row(caller, s, current))
        .sorted(INBOX_ORDER)
        .toList();
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

  private InboxRow row(Caller caller, SessionResponse s, MessagingSettings current) {
    List<TranscriptMessage> messages = conversations.transcript(caller, s.conversationId());
    TranscriptMessage last =
        messages.stream()
            .filter(m -> s.sessionId().equals(m.sessionId()) && !"SYSTEM".equals(m.author()))
            .reduce((a, b) -> b)
            .orElse(null);
    boolean open = !"ENDED".equals(s.status());
    boolean agentWroteLast = last != null && "AGENT".equals(last.author());
    Instant closeAt = null;
    Instant warningAt = null;
    if (open && agentWroteLast && current.autoCloseAfter() != null) {
      closeAt = last.at().plus(current.autoCloseAfter());
      Duration warnBefore = current.warnBeforeClose();
      boolean warned =
          messages.stream()
              .anyMatch(m -> "INACTIVITY_WARNING".equals(m.kind()) && m.at().isAfter(last.at()));
      if (warnBefore != null && !warned) {
        Instant due = closeAt.minus(warnBefore);
        warningAt = due.isBefore(last.at()) ? last.at() : due;
      }
    }
    return new InboxRow(
        s.sessionId(),
        s.ticketId(),
        s.endUserId(),
        s.status(),
        open && !agentWroteLast,
        last == null ? "" : last.text(),
        last == null ? "" : author(last),
        last == null ? s.openedAt() : last.at(),
        tickets.get(caller, s.ticketId()).ticket().group(),
        s.assignedAgentId(),
        warningAt,
        closeAt);
  }

  static String author(TranscriptMessage m) {
    return switch (m.author()) {
      case "AGENT" -> m.agentId();
      case "END_USER" -> "end user";
      default -> "system";
    };
  }
}
