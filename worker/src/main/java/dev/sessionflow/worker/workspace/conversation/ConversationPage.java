package dev.sessionflow.worker.workspace.conversation;

import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.PathIds;
import dev.sessionflow.worker.api.ProblemType;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.automation.AutomationResponse;
import dev.sessionflow.worker.automation.MacroService;
import dev.sessionflow.worker.sessions.AgentMessageRequest;
import dev.sessionflow.worker.sessions.EndSessionRequest;
import dev.sessionflow.worker.sessions.SessionService;
import dev.sessionflow.worker.workspace.WorkspaceCaller;
import dev.sessionflow.worker.workspace.WorkspaceErrors;
import dev.sessionflow.worker.workspace.live.LiveFragments;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One session as the agent works on it: transcript, composer, ticket panel, end, macros. */
@Controller
class ConversationPage {
  static final String TEMPLATE = "workspace/conversation";
  static final int MAX_TEXT = 16_384;
  static final List<String> LIVE_FRAGMENTS =
      List.of("transcript", "panel", "composer", "end-controls");

  private final ConversationViews views;
  private final SessionService sessions;
  private final MacroService macros;
  private final WorkspaceCaller callers;
  private final LiveFragments live;

  ConversationPage(
      ConversationViews views,
      SessionService sessions,
      MacroService macros,
      WorkspaceCaller callers,
      LiveFragments live) {
    this.views = views;
    this.sessions = sessions;
    this.macros = macros;
    this.callers = callers;
    this.live = live;
  }

  @GetMapping("/conversations/{sessionId}")
  String page(@PathVariable String sessionId, Authentication user, Model model) {
    ConversationView v = views.of(PathIds.check("sessionId", sessionId), callers.of(user));
    model.addAttribute("v", v);
    model.addAttribute("seen", live.fingerprint(frames(v)));
    model.addAttribute("macros", macros.list());
    return TEMPLATE;
  }

  @GetMapping(
      path = "/conversations/{sessionId}/stream",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter stream(
      @PathVariable String sessionId,
      @RequestParam(required = false) String seen,
      Authentication user,
      HttpServletRequest request) {
    String id = PathIds.check("sessionId", sessionId);
    Caller caller = callers.of(user);
    views.of(id, caller); // out of sight: 404 before any stream opens
    return live.stream(
        caller.authority() + ":" + caller.getName(),
        "conversation " + id + " " + caller,
        seen,
        callers.stillSignedIn(request, user),
        () -> frames(views.of(id, caller)));
  }

  /** The page's live parts, as its stream sends them. */
  private Map<String, String> frames(ConversationView v) {
    Map<String, String> frames = new LinkedHashMap<>();
    for (String fragment : LIVE_FRAGMENTS) {
      frames.put(fragment, live.render(TEMPLATE, fragment, Map.of("v", v)));
    }
    return frames;
  }

  @PostMapping("/conversations/{sessionId}/messages")
  String reply(
      @PathVariable String sessionId,
      @RequestParam(defaultValue = "") String text,
      Authentication user,
      Model model) {
    String id = PathIds.check("sessionId", sessionId);
    Caller caller = callers.of(user);
    String error = null;
    if (text.isBlank() || text.length() > MAX_TEXT) {
      error = "Write a reply of 1 to " + MAX_TEXT + " characters.";
    } else {
      try {
        sessions.agentMessage(id, caller, new AgentMessageRequest(newMessageId(), text.strip()));
      } catch (ApiException e) {
        error = e.getMessage();
      }
    }
    model.addAttribute("v", views.of(id, caller));
    model.addAttribute("composerError", error);
    model.addAttribute("draft", error == null ? "" : text);
    return TEMPLATE + " :: composer";
  }

  @GetMapping("/conversations/{sessionId}/end")
  String confirmEnd(
      @PathVariable String sessionId,
      @RequestParam(required = false) String reason,
      Authentication user,
      Model model) {
    String id = PathIds.check("sessionId", sessionId);
    Caller caller = callers.of(user);
    model.addAttribute("v", views.of(id, caller));
    model.addAttribute("preview", views.preview(caller, reason));
    model.addAttribute("reasons", EndPreview.REASONS);
    return "workspace/conversation-end :: end-confirm";
  }

  @PostMapping("/conversations/{sessionId}/end")
  String end(
      @PathVariable String sessionId,
      @RequestParam(defaultValue = "RESOLVED") String reason,
      @RequestParam(defaultValue = "false") boolean sendCsat,
      Authentication user,
      Model model) {
    String id = PathIds.check("sessionId", sessionId);
    Caller caller = callers.of(user);
    String outcome;
    try {
      String chosen = EndPreview.REASONS.contains(reason) ? reason : "RESOLVED";
      sessions.end(id, caller, new EndSessionRequest(chosen, sendCsat, null));
      outcome = "ENDED";
    } catch (ApiException e) {
      if (e.type() == ProblemType.SESSION_ENDED) {
        outcome = "ALREADY_ENDED";
      } else if (e.type() == ProblemType.AGENT_END_DISABLED) {
        outcome = "DISABLED";
      } else {
        outcome = "FAILED";
        model.addAttribute("failure", e.getMessage());
      }
    }
    model.addAttribute("v", views.of(id, caller));
    model.addAttribute("outcome", outcome);
    return "workspace/conversation-end :: end-result";
  }

  @PostMapping("/conversations/{sessionId}/macros")
  String applyMacro(
      @PathVariable String sessionId,
      @RequestParam String macroId,
      Authentication user,
      Model model) {
    String id = PathIds.check("sessionId", sessionId);
    Caller caller = callers.of(user);
    String ticketId = sessions.get(caller, id).ticketId();
    try {
      AutomationResponse run =
          AutomationResponse.of(
              macros.apply(ticketId, PathIds.check("macroId", macroId), caller, null));
      model.addAttribute("run", run);
    } catch (ApiException e) {
      model.addAttribute("failure", e.getMessage());
    }
    return TEMPLATE + " :: macro-result";
  }

  private static String newMessageId() {
    return "ws-" + UUID.randomUUID();
  }

  @ExceptionHandler(ApiException.class)
  String refused(ApiException e, HttpServletResponse response, Model model) {
    return WorkspaceErrors.page(e, response, model);
  }
}
