package dev.sessionflow.worker.workspace.admin;

import dev.sessionflow.activities.support.InvalidInputException;
import dev.sessionflow.worker.retention.RetentionOverview;
import dev.sessionflow.worker.retention.RetentionView;
import dev.sessionflow.worker.workspace.WorkspaceCaller;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's retention page: how many days transcripts are kept (empty: for ever), what the next
 * hourly pass would purge now, and what the past passes purged. The API's checks apply.
 */
@Controller
class RetentionAdminPage {
  static final String TEMPLATE = "workspace/admin-retention";

  private final RetentionOverview retention;
  private final WorkspaceCaller callers;

  RetentionAdminPage(RetentionOverview retention, WorkspaceCaller callers) {
    this.retention = retention;
    this.callers = callers;
  }

  @GetMapping("/admin/retention")
  String page(Model model) {
    RetentionView view = retention.view();
    return show(model, view, days(view));
  }

  @PostMapping("/admin/retention")
  String save(@RequestParam(defaultValue = "") String days, Authentication user, Model model) {
    String trimmed = days.strip();
    try {
      RetentionView view =
          retention.set(trimmed.isEmpty() ? null : "P" + trimmed + "D", callers.of(user).getName());
      model.addAttribute("saved", true);
      return show(model, view, days(view));
    } catch (InvalidInputException e) {
      model.addAttribute("error", "Keep transcripts for 1 to 3650 days, or leave it empty");
      return show(model, retention.view(), trimmed);
    }
  }

  private static String days(RetentionView view) {
    String kept = view.transcriptsKeptFor();
    return kept == null ? "" : kept.substring(1, kept.length() - 1);
  }

  private static String show(Model model, RetentionView view, String days) {
    model.addAttribute("view", view);
    model.addAttribute("days", days);
    return TEMPLATE;
  }
}
