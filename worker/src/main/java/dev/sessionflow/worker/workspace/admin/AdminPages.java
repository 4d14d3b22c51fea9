package dev.sessionflow.worker.workspace.admin;

import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.automation.MacroService;
import dev.sessionflow.worker.automation.TriggerService;
import dev.sessionflow.worker.settings.SettingsChangeRequest;
import dev.sessionflow.worker.settings.SettingsResponse;
import dev.sessionflow.worker.settings.SettingsService;
import dev.sessionflow.worker.settings.WebhookDeliveryStatus;
import dev.sessionflow.worker.settings.preview.SettingsPreview;
import dev.sessionflow.workflows.automation.ActionType;
import dev.sessionflow.workflows.automation.Condition;
import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.automation.TriggerConditions;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.TicketStatus;
import dev.sessionflow.workflows.session.SessionPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's pages: messaging settings, macros and triggers, webhooks. */
@Controller
class AdminPages {
  static final String ESCALATION_MACRO = "Escalate to Tier 2";
  static final String ESCALATION_TRIGGER = "End the chat when escalated";

  private final SettingsService settings;
  private final MacroService macros;
  private final TriggerService triggers;
  private final WebhookDeliveryStatus deliveries;
  private final SettingsPreview preview;

  AdminPages(
      SettingsService settings,
      MacroService macros,
      TriggerService triggers,
      WebhookDeliveryStatus deliveries,
      SettingsPreview preview) {
    this.settings = settings;
    this.preview = preview;
    this.macros = macros;
    this.triggers = triggers;
    this.deliveries = deliveries;
  }

  @GetMapping("/admin/settings")
  String settingsPage(Model model) {
    return settingsView(model, SettingsResponse.of(settings.current(), true));
  }

  private String settingsView(Model model, SettingsResponse current) {
    model.addAttribute("s", current);
    model.addAttribute("endedByOptions", Arrays.stream(EndedBy.values()).map(Enum::name).toList());
    model.addAttribute("statuses", TicketStatus.SETTABLE);
    return "workspace/admin-settings";
  }

  /**
   * The form's fields become the same partial change the API's PUT takes, and its checks. The
   * form's Preview button ({@code action=preview}) shows what the change would have done to the
   * last week's sessions instead, with the form still holding the draft, ready to save.
   */
  @PostMapping("/admin/settings")
  String saveSettings(
      @RequestParam(defaultValue = "false") boolean agentsCanEndSessions,
      @RequestParam String inactiveAfter,
      @RequestParam(defaultValue = "") String autoCloseAfter,
      @RequestParam(defaultValue = "") String warnBeforeClose,
      @RequestParam String warningText,
      @RequestParam String endedNoticeText,
      @RequestParam(defaultValue = "") List<String> csatSendWhenEndedBy,
      @RequestParam(defaultValue = "false") boolean csatRequireAgentReply,
      @RequestParam int csatMinEndUserMessages,
      @RequestParam String csatExpiresAfter,
      @RequestParam String csatQuestion,
      @RequestParam int csatScale,
      @RequestParam String settlementDefault,
      @RequestParam(required = false) Long version,
      @RequestParam(defaultValue = "save") String action,
      Model model) {
    SettingsResponse before = SettingsResponse.of(settings.current(), true);
    try {
      // A legacy account keeps its account default until an admin actually flips the toggle.
      boolean flipped =
          agentsCanEndSessions != before.agentsCanEndSessions()
              || "EXPLICIT".equals(before.agentsCanEndSessionsSource());
      SettingsChangeRequest change =
          new SettingsChangeRequest(
              flipped ? agentsCanEndSessions : null,
              Optional.of(inactiveAfter.strip()),
              turnedOffWhenBlank(autoCloseAfter),
              turnedOffWhenBlank(warnBeforeClose),
              warningText,
              endedNoticeText,
              new SettingsChangeRequest.Csat(
                  csatSendWhenEndedBy.stream()
                      .filter(e -> !e.isBlank())
                      .map(AdminPages::endedBy)
                      .toList(),
                  csatRequireAgentReply,
                  csatMinEndUserMessages,
                  csatExpiresAfter.strip(),
                  csatQuestion,
                  csatScale),
              null,
              new SettingsChangeRequest.Settlement(settlementDefault, null),
              null,
              null,
              null,
              null,
              null,
              null,
              null);
      if ("preview".equals(action)) {
        MessagingSettings draft = settings.draft(change);
        model.addAttribute("preview", preview.preview(draft, SettingsPreview.DEFAULT_DAYS));
        return settingsView(model, SettingsResponse.of(draft, true));
      }
      SettingsResponse saved = SettingsResponse.of(settings.update(change, version), true);
      model.addAttribute("saved", true);
      return settingsView(model, saved);
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("fieldErrors", e.errors());
      return settingsView(model, before);
    }
  }

  private static Optional<String> turnedOffWhenBlank(String duration) {
    return duration.isBlank() ? Optional.empty() : Optional.of(duration.strip());
  }

  private static EndedBy endedBy(String name) {
    try {
      return EndedBy.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "csat.sendWhenEndedBy", "must be some of AGENT, ADMIN, END_USER, SYSTEM");
    }
  }

  @GetMapping("/admin/automation")
  String automation(Model model) {
    model.addAttribute("macros", macros.list());
    model.addAttribute("triggers", triggers.list());
    return "workspace/admin-automation";
  }

  /**
   * The escalation recipe in one click: a macro that moves the ticket to Tier 2 and ends the chat
   * without a survey, and a trigger that ends the chat whenever a ticket leaves tier-1 another way.
   * Each is added once.
   */
  @PostMapping("/admin/automation/escalation")
  String addEscalation() {
    if (macros.list().stream().noneMatch(m -> ESCALATION_MACRO.equals(m.name()))) {
      macros.create(
          ESCALATION_MACRO,
          List.of(
              TicketAction.of(ActionType.SET_GROUP, "tier-2"),
              TicketAction.of(ActionType.ADD_INTERNAL_NOTE, "Escalated to Tier 2"),
              new TicketAction(ActionType.END_SESSION, null, SessionPolicy.ESCALATED, false)));
    }
    if (triggers.list().stream().noneMatch(t -> ESCALATION_TRIGGER.equals(t.name()))) {
      triggers.create(
          ESCALATION_TRIGGER,
          true,
          null,
          new TriggerConditions(
              List.of(
                  new Condition("group", Condition.Operator.CHANGED, null),
                  new Condition("group", Condition.Operator.IS_NOT, "tier-1")),
              List.of()),
          List.of(new TicketAction(ActionType.END_SESSION, null, SessionPolicy.ESCALATED, false)));
    }
    return "redirect:/admin/automation?added";
  }

  @GetMapping("/admin/webhooks")
  String webhooks(Model model) {
    model.addAttribute("hooks", deliveries.hooks());
    return "workspace/admin-webhooks";
  }
}
