package dev.sessionflow.worker.workspace.admin;

import dev.sessionflow.activities.settings.BusinessHoursSettings;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.settings.BusinessHoursInput;
import dev.sessionflow.worker.settings.SettingsChangeRequest;
import dev.sessionflow.worker.settings.SettingsService;
import dev.sessionflow.workflows.hours.BusinessHours;
import dev.sessionflow.workflows.hours.OpenHours;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's business-hours page: the time zone, the weekly periods (one per line), the holidays,
 * whether the inactivity timers count only open time, and the out-of-hours text. It saves through
 * the API's change, with its checks, and says whether the team is open now.
 */
@Controller
class BusinessHoursAdminPage {
  static final String TEMPLATE = "workspace/admin-hours";

  private final SettingsService settings;
  private final Clock clock;

  BusinessHoursAdminPage(SettingsService settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** The form's fields as the admin typed them (or as saved). */
  record Form(
      String timersCount,
      String timeZone,
      String periods,
      String holidays,
      String outOfHoursText) {}

  @GetMapping("/admin/hours")
  String page(Model model) {
    BusinessHoursSettings hours = settings.current().hours();
    BusinessHours schedule = hours.schedule();
    Form form =
        new Form(
            hours.timersCount().name(),
            schedule == null ? "UTC" : schedule.timeZone(),
            schedule == null ? "MON-FRI 09:00-17:00" : PeriodLines.format(schedule.periods()),
            schedule == null ? "" : String.join("\n", schedule.holidays()),
            hours.outOfHoursText() == null ? "" : hours.outOfHoursText());
    return view(model, form, hours);
  }

  private String view(Model model, Form form, BusinessHoursSettings saved) {
    model.addAttribute("form", form);
    model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
    OpenHours open = saved.openHours(clock.instant());
    if (open != null) {
      long now = clock.millis();
      model.addAttribute("openNow", open.isOpen(now));
      long next = open.nextOpening(now);
      model.addAttribute(
          "nextOpening",
          next == Long.MAX_VALUE
              ? null
              : Instant.ofEpochMilli(next).atZone(ZoneId.of(saved.schedule().timeZone())));
    }
    return TEMPLATE;
  }

  /**
   * Blank periods remove the hours (the timers must then count calendar time); a blank text sends
   * nothing out of hours.
   */
  @PostMapping("/admin/hours")
  String save(
      @RequestParam(defaultValue = "CALENDAR") String timersCount,
      @RequestParam(defaultValue = "") String timeZone,
      @RequestParam(defaultValue = "") String periods,
      @RequestParam(defaultValue = "") String holidays,
      @RequestParam(defaultValue = "") String outOfHoursText,
      Model model) {
    Form form = new Form(timersCount, timeZone.strip(), periods, holidays, outOfHoursText);
    try {
      Optional<BusinessHoursInput> schedule =
          periods.isBlank()
              ? Optional.empty()
              : Optional.of(
                  new BusinessHoursInput(
                      form.timeZone(), PeriodLines.parse(periods), lines(holidays)));
      BusinessHoursSettings saved =
          settings
              .update(
                  SettingsChangeRequest.businessHours(
                      timersCount,
                      schedule,
                      outOfHoursText.isBlank()
                          ? Optional.empty()
                          : Optional.of(outOfHoursText.strip())))
              .hours();
      model.addAttribute("saved", true);
      return view(model, form, saved);
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("fieldErrors", e.errors());
      return view(model, form, settings.current().hours());
    }
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
