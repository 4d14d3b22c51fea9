package dev.sessionflow.worker.conversations;

import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.activities.conversations.ConversationStore;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.PathIds;
import dev.sessionflow.worker.auth.Allow;
import dev.sessionflow.worker.auth.Role;
import dev.sessionflow.worker.sessions.SessionGateway;
import dev.sessionflow.worker.sessions.SessionIdentity;
import dev.sessionflow.workflows.session.ChatMessage;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/conversations")
class ConversationController {
  private final ConversationStore conversations;
  private final SessionGateway gateway;

  ConversationController(ConversationStore conversations, SessionGateway gateway) {
    this.conversations = conversations;
    this.gateway = gateway;
  }

  @Operation(
      summary = "An end-user message",
      description =
          "Stored first, then signalled to the conversation's open session; opens a session and "
              + "a ticket when none is open. A repeated messageId is stored once and answered "
              + "with the same body.")
  @PostMapping("/{conversationId}/messages")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Allow(Role.CHANNEL)
  MessageAccepted post(
      @PathVariable String conversationId, @Valid @RequestBody EndUserMessageRequest body) {
    AcceptedMessage accepted =
        conversations.acceptEndUserMessage(
            PathIds.check("conversationId", conversationId),
            body.messageId(),
            body.endUserId(),
            body.endUserName(),
            body.text());
    long sequence =
        conversations.sequenceOf(accepted.conversationId(), "END_USER", body.messageId());
    // A duplicate is delivered again too: the first delivery may have been cut short by a crash,
    // and the session drops a message id it has already seen.
    gateway.deliver(
        new SessionIdentity(
            accepted.sessionId(),
            accepted.conversationId(),
            accepted.ticketId(),
            accepted.endUserId(),
            accepted.endUserName()),
        (accepted.reopened()
                ? ChatMessage.reopeningFromEndUser(body.messageId())
                : ChatMessage.fromEndUser(body.messageId()))
            .withSequence(sequence),
        accepted.newSession());
    return new MessageAccepted(
        accepted.sessionId(), accepted.ticketId(), accepted.newSession(), sequence);
  }

  @Operation(summary = "The conversation's transcript, in order, across its sessions")
  @GetMapping("/{conversationId}/messages")
  @Allow({Role.CHANNEL, Role.AGENT, Role.ADMIN})
  Map<String, List<TranscriptMessage>> transcript(@PathVariable String conversationId) {
    List<TranscriptMessage> messages =
        conversations
            .transcript(PathIds.check("conversationId", conversationId))
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
    return Map.of("messages", messages);
  }
}
