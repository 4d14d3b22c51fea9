package dev.sessionflow.worker.workspace.conversation;

import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.Role;
import dev.sessionflow.worker.conversations.ConversationService;
import dev.sessionflow.worker.sessions.SessionResponse;
import dev.sessionflow.worker.sessions.SessionService;
import dev.sessionflow.worker.settings.SettingsService;
import dev.sessionflow.worker.tickets.TicketResponse;
import dev.sessionflow.worker.tickets.TicketService;
import dev.sessionflow.worker.workspace.WorkspaceServices;
import org.springframework.stereotype.Component;

/** Builds a {@link ConversationView} from the services, for the page and its live stream. */
@Component
class ConversationViews {
  private final SessionService sessions;
  private final ConversationService conversations;
  private final TicketService tickets;
  private final SettingsService settings;

  ConversationViews(WorkspaceServices services) {
    this.sessions = services.sessions();
    this.conversations = services.conversations();
    this.tickets = services.tickets();
    this.settings = services.settings();
  }

  ConversationView of(String sessionId, Caller caller) {
    SessionResponse session = sessions.get(caller, sessionId);
    TicketResponse ticket = tickets.get(caller, session.ticketId());
    boolean agentsCanEnd = settings.current().agentsCanEndSessions();
    boolean mayEnd =
        !"ENDED".equals(session.status()) && (caller.role() == Role.ADMIN || agentsCanEnd);
    return new ConversationView(
        session,
        conversations.transcript(caller, session.conversationId()),
        ticket.ticket(),
        ticket.audit(),
        agentsCanEnd,
        mayEnd);
  }

  EndPreview preview(Caller caller, String reason) {
    MessagingSettings current = settings.current();
    return EndPreview.of(current.sessionPolicy(), current.endedNoticeText(), caller, reason);
  }
}
