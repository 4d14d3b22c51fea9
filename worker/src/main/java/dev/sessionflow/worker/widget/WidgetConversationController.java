package dev.sessionflow.worker.widget;

import dev.sessionflow.activities.widget.Visitor;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.ProblemType;
import dev.sessionflow.worker.auth.VisitorCallers;
import dev.sessionflow.worker.conversations.MessageAccepted;
import dev.sessionflow.worker.workspace.live.LiveFragments;
import dev.sessionflow.workflows.session.EndResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** The chat frame's calls, with the visitor's token: its one conversation, nothing else. */
@RestController
@RequestMapping("/api/v1/widget/conversation")
class WidgetConversationController {
  private final WidgetConversations conversations;
  private final LiveFragments live;
  private final JsonMapper json;
  private final Clock clock;

  WidgetConversationController(
      WidgetConversations conversations, LiveFragments live, JsonMapper json, Clock clock) {
    this.conversations = conversations;
    this.live = live;
    this.json = json;
    this.clock = clock;
  }

  @Operation(summary = "The visitor's conversation: its messages, surveys and state")
  @GetMapping
  WidgetView view(HttpServletRequest request) {
    return conversations.view(visitor(request));
  }

  @Operation(
      summary = "The visitor's conversation, live (Server-Sent Events)",
      description =
          "A 'conversation' event with the whole view (as the GET answers) at once and whenever"
              + " it changes, checked about once a second. The stream ends after 10 minutes or"
              + " when the visitor's token expires; a client reconnects and gets the current view,"
              + " so nothing is missed across a dropped connection.")
  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(HttpServletRequest request) {
    Visitor visitor = visitor(request);
    return live.stream(
        visitor.visitorId(),
        "widget " + visitor.conversationId(),
        null,
        () -> visitor.expiresAt().isAfter(clock.instant()),
        () -> Map.of("conversation", write(conversations.view(visitor))));
  }

  @Operation(summary = "The visitor writes a message (opens a session when none is open)")
  @ApiResponse(responseCode = "202", description = "Stored; the agent sees it")
  @PostMapping("/messages")
  @ResponseStatus(HttpStatus.ACCEPTED)
  MessageAccepted write(HttpServletRequest request, @Valid @RequestBody WidgetMessageRequest body) {
    return conversations.write(visitor(request), body);
  }

  @Operation(summary = "End chat: the visitor leaves (endedBy END_USER)")
  @ApiResponse(responseCode = "409", description = "No chat is open (session-ended)")
  @PostMapping("/end")
  EndResult end(HttpServletRequest request) {
    return conversations.end(visitor(request));
  }

  private String write(WidgetView view) {
    return json.writeValueAsString(view);
  }

  private static Visitor visitor(HttpServletRequest request) {
    return VisitorCallers.of(request)
        .orElseThrow(
            () -> new ApiException(ProblemType.UNAUTHORIZED, "A visitor's token is needed"));
  }
}
