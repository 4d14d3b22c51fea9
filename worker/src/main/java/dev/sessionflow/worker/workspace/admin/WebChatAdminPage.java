package dev.sessionflow.worker.workspace.admin;

import dev.sessionflow.activities.csat.SurveyLinks;
import dev.sessionflow.activities.support.LimitReachedException;
import dev.sessionflow.activities.widget.NewWidgetKey;
import dev.sessionflow.activities.widget.WidgetKeyStore;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.settings.SettingsChangeRequest;
import dev.sessionflow.worker.settings.SettingsService;
import dev.sessionflow.worker.workspace.WorkspaceCaller;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's web chat page: the script tag to put on the site, the origins allowed to use it, and
 * the widget keys for verified visitors (a new key's secret is shown on this answer only).
 */
@Controller
class WebChatAdminPage {
  static final String TEMPLATE = "workspace/admin-widget";

  private final SettingsService settings;
  private final WidgetKeyStore keys;
  private final SurveyLinks links;
  private final WorkspaceCaller callers;

  WebChatAdminPage(
      SettingsService settings, WidgetKeyStore keys, SurveyLinks links, WorkspaceCaller callers) {
    this.settings = settings;
    this.keys = keys;
    this.links = links;
    this.callers = callers;
  }

  @GetMapping("/admin/widget")
  String page(Model model) {
    return view(model, String.join("\n", settings.current().widgetOrigins()));
  }

  private String view(Model model, String origins) {
    model.addAttribute("origins", origins);
    model.addAttribute(
        "snippet", "<script src=\"" + links.url("/widget.js") + "\" async></script>");
    model.addAttribute("keys", keys.list());
    return TEMPLATE;
  }

  /** One origin per line; the list replaces the saved one, with the API's checks. */
  @PostMapping("/admin/widget/origins")
  String saveOrigins(@RequestParam(defaultValue = "") String origins, Model model) {
    List<String> list =
        Arrays.stream(origins.split("\\R")).map(String::strip).filter(o -> !o.isEmpty()).toList();
    try {
      settings.update(SettingsChangeRequest.allowedOrigins(list));
      model.addAttribute("originsSaved", true);
      return view(model, String.join("\n", list));
    } catch (ApiException e) {
      model.addAttribute("originsError", e.getMessage());
      model.addAttribute("fieldErrors", e.errors());
      return view(model, origins);
    }
  }

  @PostMapping("/admin/widget/keys")
  String makeKey(Authentication user, Model model) {
    try {
      NewWidgetKey key = keys.create(callers.of(user).getName());
      model.addAttribute("newKey", key);
    } catch (LimitReachedException e) {
      model.addAttribute("keysError", e.getMessage());
    }
    return page(model);
  }

  @PostMapping("/admin/widget/keys/{kid}/revoke")
  String revoke(@PathVariable String kid) {
    keys.revoke(kid);
    return "redirect:/admin/widget?revoked";
  }
}
