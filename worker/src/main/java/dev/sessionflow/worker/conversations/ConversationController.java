package dev.sessionflow.worker.conversations;

import dev.sessionflow.worker.api.Cursors;
import dev.sessionflow.worker.api.PathIds;
import dev.sessionflow.worker.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
  private final ConversationService conversations;

  ConversationController(ConversationService conversations) {
    this.conversations = conversations;
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
    return conversations.endUserMessage(
        caller, PathIds.check("conversationId", conversationId), body);
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
    return conversations.page(
        caller, PathIds.check("conversationId", conversationId), after, limit);
  }
}
