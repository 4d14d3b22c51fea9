package dev.sessionflow.worker.workspace.chat;

import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.PathIds;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.DevelopmentTokensAccepted;
import dev.sessionflow.worker.conversations.ConversationService;
import dev.sessionflow.worker.conversations.EndUserMessageRequest;
import dev.sessionflow.worker.conversations.TranscriptMessage;
import dev.sessionflow.worker.csat.CsatService;
import dev.sessionflow.worker.sessions.SessionResponse;
import dev.sessionflow.worker.sessions.SessionService;
import dev.sessionflow.worker.workspace.WorkspaceErrors;
import dev.sessionflow.worker.workspace.live.LiveFragments;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The end user's side, for trying the service out: writes as the messaging channel would, sees the
 * agent's replies and the system messages live, answers the survey in place. It exists only where
 * the development tokens are accepted (it speaks for any end user without signing in).
 */
@Controller
@Conditional(DevelopmentTokensAccepted.class)
class ChatPage {
  /** The page plays the messaging integration's part: it relays the end user as the dev channel. */
  private static final Caller CHANNEL = Caller.channel("dev-channel");

  static final String TEMPLATE = "workspace/chat";

  private final ConversationService conversations;
  private final SessionService sessions;
  private final CsatService csat;
  private final LiveFragments live;

  ChatPage(
      ConversationService conversations,
      SessionService sessions,
      CsatService csat,
      LiveFragments live) {
    this.conversations = conversations;
    this.sessions = sessions;
    this.csat = csat;
    this.live = live;
  }

  @GetMapping("/chat")
  String newConversation() {
    return "redirect:/chat/c-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @GetMapping("/chat/{conversationId}")
  String page(@PathVariable String conversationId, Model model) {
    Map<String, Object> view = view(PathIds.check("conversationId", conversationId));
    model.addAllAttributes(view);
    model.addAttribute("seen", live.fingerprint(frames(view)));
    return TEMPLATE;
  }

  @GetMapping(path = "/chat/{conversationId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter stream(
      @PathVariable String conversationId, @RequestParam(required = false) String seen) {
    String id = PathIds.check("conversationId", conversationId);
    return live.stream("chat " + id, "chat " + id, seen, () -> true, () -> frames(view(id)));
  }

  private Map<String, String> frames(Map<String, Object> view) {
    return Map.of("chat", live.render(TEMPLATE, "messages", view));
  }

  @PostMapping("/chat/{conversationId}/messages")
  String write(
      @PathVariable String conversationId,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String name,
      Model model) {
    String id = PathIds.check("conversationId", conversationId);
    String error = null;
    if (text.isBlank() || text.length() > 16_384) {
      error = "Write a message of 1 to 16384 characters.";
    } else {
      conversations.endUserMessage(
          CHANNEL,
          id,
          new EndUserMessageRequest(
              "eu-" + UUID.randomUUID(),
              endUserId(id),
              name.isBlank() ? null : name.strip(),
              text.strip()));
    }
    model.addAllAttributes(view(id));
    model.addAttribute("composerError", error);
    model.addAttribute("name", name);
    return TEMPLATE + " :: composer";
  }

  @PostMapping("/chat/{conversationId}/surveys/{surveyToken}")
  String rate(
      @PathVariable String conversationId,
      @PathVariable String surveyToken,
      @RequestParam int rating,
      Model model) {
    String id = PathIds.check("conversationId", conversationId);
    String error = null;
    try {
      csat.answer(PathIds.check("surveyToken", surveyToken), rating, null);
    } catch (ApiException e) {
      error = e.getMessage();
    }
    model.addAllAttributes(view(id));
    model.addAttribute("surveyError", error);
    return TEMPLATE + " :: messages";
  }

  /** The end user's id: one per conversation on this page. */
  static String endUserId(String conversationId) {
    String id = "visitor-" + conversationId;
    return id.length() <= 128 ? id : id.substring(0, 128);
  }

  private Map<String, Object> view(String conversationId) {
    List<TranscriptMessage> messages;
    try {
      messages = conversations.transcript(CHANNEL, conversationId);
    } catch (ApiException notYet) {
      messages = List.of(); // the first message opens the conversation
    }
    Map<String, SessionResponse.Csat> surveys = new HashMap<>();
    messages.stream()
        .filter(m -> m.surveyToken() != null)
        .forEach(m -> surveys.put(m.surveyToken(), sessions.get(CHANNEL, m.sessionId()).csat()));
    Map<String, Object> model = new HashMap<>();
    model.put("conversationId", conversationId);
    model.put("messages", messages);
    model.put("surveys", surveys);
    return model;
  }

  @ExceptionHandler(ApiException.class)
  String refused(ApiException e, HttpServletResponse response, Model model) {
    return WorkspaceErrors.page(e, response, model);
  }
}
