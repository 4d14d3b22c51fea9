package dev.sessionflow.worker.conversations;

import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.activities.conversations.ConversationStore;
import dev.sessionflow.activities.conversations.StoredMessage;
import dev.sessionflow.worker.access.AccessChecks;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.Cursors;
import dev.sessionflow.worker.api.PathIds;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.Role;
import dev.sessionflow.worker.sessions.SessionGateway;
import dev.sessionflow.worker.sessions.SessionIdentity;
import dev.sessionflow.workflows.session.ChatMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/conversations")
class ConversationController {
  private final ConversationStore conversations;
  private final SessionGateway gateway;
  private final AccessChecks access;

  ConversationController(
      ConversationStore conversations, SessionGateway gateway, AccessChecks access) {
    this.conversations = conversations;
    this.gateway = gateway;
    this.access = access;
  }

  @Operation(
      summary = "An end-user message",
      description =
          "Stored first, then signalled to the conversation's open session; opens a session and "
              + "a ticket when none is open. A repeated messageId is stored once and answered "
              + "with the same body.")
  @PostMapping("/{conversationId}/messages")
  @ResponseStatus(HttpStatus.ACCEPTED)
  MessageAccepted post(
      @PathVariable String conversationId,
      @Valid @RequestBody EndUserMessageRequest body,
      Caller caller) {
    access.claimConversation(caller, PathIds.check("conversationId", conversationId));
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

  @Operation(summary = "The conversation's transcript, in order, across its sessions")
  @GetMapping("/{conversationId}/messages")
  TranscriptPage transcript(
      @PathVariable String conversationId,
      @RequestParam(required = false)
          @Parameter(schema = @Schema(pattern = Cursors.TRANSCRIPT_PATTERN))
          String after,
      @RequestParam(defaultValue = "1000") @Min(1) @Max(Cursors.MAX_LIMIT) int limit,
      Caller caller) {
    access.readConversation(caller, PathIds.check("conversationId", conversationId));
    // The survey link is the end user's: only the channel, which relays it, sees it.
    boolean channel = caller.role() == Role.CHANNEL;
    Cursors.checkLimit(limit);
    long afterSeq = after == null ? 0 : Cursors.transcriptPosition(after);
    List<StoredMessage> page =
        conversations
            .transcript(PathIds.check("conversationId", conversationId), afterSeq, limit)
            .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId));
    List<TranscriptMessage> messages =
        page.stream()
            .map(
                m ->
                    new TranscriptMessage(
                        m.messageId(),
                        m.sessionId(),
                        m.author(),
                        m.agentId(),
                        m.kind(),
                        m.text(),
                        channel ? m.surveyToken() : null,
                        m.at()))
            .toList();
    String next = page.size() < limit ? null : Cursors.transcript(page.getLast().seq());
    return new TranscriptPage(messages, next);
  }
}
