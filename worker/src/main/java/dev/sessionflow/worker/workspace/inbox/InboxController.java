package dev.sessionflow.worker.workspace.inbox;

import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.workspace.WorkspaceCaller;
import dev.sessionflow.worker.workspace.live.LiveFragments;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The agent's inbox, kept live over SSE. */
@Controller
class InboxController {
  private final InboxRows inbox;
  private final WorkspaceCaller callers;
  private final LiveFragments live;

  InboxController(InboxRows inbox, WorkspaceCaller callers, LiveFragments live) {
    this.inbox = inbox;
    this.callers = callers;
    this.live = live;
  }

  @GetMapping("/inbox")
  String page(Authentication user, Model model) {
    List<InboxRow> rows = inbox.rows(callers.of(user));
    model.addAttribute("rows", rows);
    model.addAttribute("seen", live.fingerprint(frames(rows)));
    return "workspace/inbox";
  }

  private Map<String, String> frames(List<InboxRow> rows) {
    return Map.of("inbox", live.render("workspace/inbox", "rows", Map.of("rows", rows)));
  }

  @GetMapping(path = "/inbox/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter stream(
      Authentication user,
      @RequestParam(required = false) String seen,
      HttpServletRequest request) {
    Caller caller = callers.of(user);
    return live.stream(
        caller.authority() + ":" + caller.getName(),
        "inbox " + caller,
        seen,
        callers.stillSignedIn(request, user),
        () -> frames(inbox.rows(caller)));
  }
}
