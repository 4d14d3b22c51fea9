package dev.sessionflow.worker.sessions;

import dev.sessionflow.worker.api.Cursors;
import dev.sessionflow.worker.api.PathIds;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.workflows.model.SessionStatus;
import dev.sessionflow.workflows.session.EndResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sessions")
class SessionController {
  private final SessionService sessions;

  SessionController(SessionService sessions) {
    this.sessions = sessions;
  }

  @Operation(summary = "An agent replies in a session; the first agent to reply is assigned")
  @ApiResponse(responseCode = "202", description = "Accepted")
  @ApiResponse(responseCode = "409", description = "The session has ended (session-ended)")
  @PostMapping("/{sessionId}/messages")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> reply(
      @PathVariable String sessionId, Caller caller, @Valid @RequestBody AgentMessageRequest body) {
    long sequence = sessions.agentMessage(PathIds.check("sessionId", sessionId), caller, body);
    return Map.of("sessionId", sessionId, "messageId", body.messageId(), "sequence", sequence);
  }

  @Operation(
      summary = "End a session now",
      description =
          "AGENT (while the account allows it), ADMIN, or CHANNEL for the end user leaving. "
              + "Exactly one of many concurrent requests gets 200; the others get 409. With an "
              + "Idempotency-Key, a retry by the same caller within 24 h gets the first answer "
              + "(waiting for it if the first request is still under way); another key after "
              + "the end gets 409.")
  @ApiResponse(responseCode = "200", description = "Ended by this request")
  @ApiResponse(responseCode = "409", description = "The session had already ended (session-ended)")
  @PostMapping("/{sessionId}/end")
  EndResult end(
      @PathVariable String sessionId,
      Caller caller,
      @RequestHeader(name = IdempotentEnd.HEADER, required = false)
          @Parameter(schema = @Schema(pattern = IdempotentEnd.KEY_PATTERN, maxLength = 200))
          String idempotencyKey,
      @Valid @RequestBody(required = false) EndSessionRequest body) {
    return sessions.end(PathIds.check("sessionId", sessionId), caller, body, idempotencyKey);
  }

  @Operation(summary = "A session: status, assignment, how it ended, CSAT")
  @GetMapping("/{sessionId}")
  SessionResponse get(@PathVariable String sessionId, Caller caller) {
    return sessions.get(caller, PathIds.check("sessionId", sessionId));
  }

  @Operation(summary = "Sessions, newest first, by status and assigned agent")
  @GetMapping
  SessionPage list(
      @RequestParam(required = false) SessionStatus status,
      @RequestParam(required = false) @Parameter(schema = @Schema(minLength = 1)) String agentId,
      @RequestParam(required = false)
          @Parameter(schema = @Schema(pattern = Cursors.SESSIONS_PATTERN))
          String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(Cursors.MAX_LIMIT) int limit,
      Caller caller) {
    Cursors.checkLimit(limit);
    return sessions.page(caller, status == null ? null : status.name(), agentId, after, limit);
  }
}
