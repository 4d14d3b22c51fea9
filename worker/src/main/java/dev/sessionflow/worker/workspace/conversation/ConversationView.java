package dev.sessionflow.worker.workspace.conversation;

import dev.sessionflow.activities.tickets.Ticket;
import dev.sessionflow.activities.tickets.TicketAuditEntry;
import dev.sessionflow.worker.conversations.TranscriptMessage;
import dev.sessionflow.worker.sessions.SessionResponse;
import java.util.List;

/**
 * Everything the conversation page shows of one session.
 *
 * @param agentsCanEnd the account setting "Agents can end messaging sessions at any time"
 * @param mayEnd whether this caller gets the end button now
 */
public record ConversationView(
    SessionResponse session,
    List<TranscriptMessage> messages,
    Ticket ticket,
    List<TicketAuditEntry> audit,
    boolean agentsCanEnd,
    boolean mayEnd) {

  public boolean ended() {
    return "ENDED".equals(session.status());
  }

  /** Who ended the session and how, in words: "agent-1 (agent)", "auto-close", ... */
  public String endedByText() {
    return EndedByText.of(session);
  }
}
