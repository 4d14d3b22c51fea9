package dev.sessionflow.worker.conversations;

import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.activities.conversations.ConversationStore;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.sessions.SessionGateway;
import dev.sessionflow.worker.sessions.SessionIdentity;
import dev.sessionflow.workflows.session.ChatMessage;
import java.util.List;
import org.springframework.stereotype.Service;

/** End-user messages and transcripts, for the API and the workspace alike. */
@Service
public class ConversationService {
  private final ConversationStore conversations;
  private final SessionGateway gateway;

  public ConversationService(ConversationStore conversations, SessionGateway gateway) {
    this.conversations = conversations;
    this.gateway = gateway;
  }

  /**
   * Stores an end-user message, then signals it to the conversation's open session (opening a
   * session and a ticket when none is open).
   */
  public MessageAccepted endUserMessage(String conversationId, EndUserMessageRequest body) {
    AcceptedMessage accepted =
        conversations.acceptEndUserMessage(
            conversationId, body.messageId(), body.endUserId(), body.endUserName(), body.text());
    // A duplicate is delivered again too: the first delivery may have been cut short by a crash,
    // and the session drops a message id it has already seen.
    gateway.deliver(
        new SessionIdentity(
            accepted.sessionId(),
            accepted.conversationId(),
            accepted.ticketId(),
            accepted.endUserId(),
            accepted.endUserName()),
        accepted.reopened()
            ? ChatMessage.reopeningFromEndUser(body.messageId())
            : ChatMessage.fromEndUser(body.messageId()),
        accepted.newSession());
    return new MessageAccepted(accepted.sessionId(), accepted.ticketId(), accepted.newSession());
  }

  /** The conversation's messages in order, across its sessions. */
  public List<TranscriptMessage> transcript(String conversationId) {
    return conversations
        .transcript(conversationId)
        .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId))
        .stream()
        .map(
            m ->
                new TranscriptMessage(
                    m.messageId(),
                    m.sessionId(),
                    m.author(),
                    m.agentId(),
                    m.kind(),
                    m.text(),
                    m.surveyToken(),
                    m.at()))
        .toList();
  }
}
