package dev.sessionflow.worker.workspace;

import dev.sessionflow.worker.conversations.ConversationService;
import dev.sessionflow.worker.sessions.SessionService;
import dev.sessionflow.worker.settings.SettingsService;
import dev.sessionflow.worker.tickets.TicketService;
import org.springframework.stereotype.Component;

/** The services the workspace's views read from: the API's own, never the stores. */
@Component
public record WorkspaceServices(
    SessionService sessions,
    ConversationService conversations,
    TicketService tickets,
    SettingsService settings) {}
