package dev.sessionflow.worker.workspace.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionflow.activities.settings.ChannelOverride;
import dev.sessionflow.activities.settings.CsatOverride;
import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.activities.settings.SettingsChange;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.settings.Durations;
import dev.sessionflow.worker.settings.SettingsResponse;
import dev.sessionflow.worker.settings.SettingsService;
import dev.sessionflow.workflows.hours.BusinessHours;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's channels page: per channel, the timers, texts, timer counting and survey question its
 * sessions run with instead of the account's, each shown with the value in force and where it comes
 * from. What this page does not show (a channel's own business hours, other survey keys) is kept as
 * saved; the API sets it.
 */
@Controller
class ChannelsAdminPage {
  static final String TEMPLATE = "workspace/admin-channels";

  /**
   * The form's fields, in the API's names: every key a channel may override. "off" turns off what
   * can be off; business hours are written as the API's JSON.
   */
  static final List<String> FIELDS =
      List.of(
          "inactiveAfter",
          "autoCloseAfter",
          "warnBeforeClose",
          "warningText",
          "endedNoticeText",
          "timersCount",
          "businessHours",
          "outOfHoursText",
          "csat.sendWhenEndedBy",
          "csat.requireAgentReply",
          "csat.minEndUserMessages",
          "csat.expiresAfter",
          "csat.question",
          "csat.scale");

  private final SettingsService settings;

  ChannelsAdminPage(SettingsService settings) {
    this.settings = settings;
  }

  @GetMapping("/admin/channels")
  String page(Model model) {
    return view(model, settings.current());
  }

  /** One field of a channel: what the channel sets (or empty), and what its sessions run with. */
  record Cell(String field, String value, String inForce, String source) {}

  record Row(String name, List<Cell> cells) {}

  private String view(Model model, MessagingSettings saved) {
    SettingsResponse shown = SettingsResponse.of(saved, false);
    List<Row> rows = new ArrayList<>();
    shown
        .channelsEffective()
        .forEach(
            (name, keys) -> {
              List<Cell> cells = new ArrayList<>();
              for (String field : FIELDS) {
                var e = keys.get(field);
                boolean own = "channel".equals(e.source());
                String value = own ? (e.value() == null ? "off" : text(e.value())) : "";
                cells.add(new Cell(field, value, text(e.value()), e.source()));
              }
              rows.add(new Row(name, cells));
            });
    rows.add(new Row("", FIELDS.stream().map(f -> new Cell(f, "", null, null)).toList()));
    model.addAttribute("rows", rows);
    return TEMPLATE;
  }

  /** A value as the form writes it: business hours as JSON, lists comma-separated. */
  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Collection<?> list) {
      return String.join(", ", list.stream().map(String::valueOf).toList());
    }
    if (value instanceof BusinessHours) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.valueOf(value);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each fieldset is a channel; a channel whose fields are all empty is removed. */
  @PostMapping("/admin/channels")
  String save(@RequestParam MultiValueMap<String, String> form, Model model) {
    MessagingSettings current = settings.current();
    List<String> names = form.getOrDefault("name", List.of());
    Map<String, ChannelOverride> channels = new LinkedHashMap<>();
    try {
      for (int i = 0; i < names.size(); i++) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String field : FIELDS) {
          List<String> column = form.getOrDefault(field, List.of());
          String value = i < column.size() ? column.get(i).strip() : "";
          if (!value.isEmpty()) {
            row.put(field, value);
          }
        }
        String name = names.get(i).strip();
        if (!row.isEmpty()) {
          channels.put(name, override(name, row));
        }
      }
      MessagingSettings saved =
          settings.update(
              new SettingsChange(
                  null, null, null, null, null, null, null, null, null, null, null, channels),
              null);
      model.addAttribute("saved", true);
      return view(model, saved);
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("fieldErrors", e.errors());
      return view(model, current);
    }
  }

  /** A channel's overrides from its row: each empty field keeps the account's value. */
  private static ChannelOverride override(String name, Map<String, String> row) {
    ChannelRow r = new ChannelRow("channels." + name + ".", row);
    Duration autoClose = r.timer("autoCloseAfter");
    Duration warn = r.timer("warnBeforeClose");
    BusinessHours hours =
        r.offOr("businessHours", v -> r.json("businessHours", v, BusinessHours.class));
    String outOfHours = r.offOr("outOfHoursText", v -> v);
    CsatOverride csat =
        new CsatOverride(
            r.value("csat.sendWhenEndedBy", r::endedBy),
            r.value("csat.requireAgentReply", Boolean::valueOf),
            r.value("csat.minEndUserMessages", v -> r.number("csat.minEndUserMessages", v)),
            r.value("csat.expiresAfter", v -> Durations.parse(r.at + "csat.expiresAfter", v)),
            row.get("csat.question"),
            r.value("csat.scale", v -> r.number("csat.scale", v)));
    return new ChannelOverride(
        r.value("inactiveAfter", v -> Durations.parse(r.at + "inactiveAfter", v)),
        autoClose,
        warn,
        row.get("warningText"),
        row.get("endedNoticeText"),
        r.value("timersCount", r::timersCount),
        hours,
        outOfHours,
        csat,
        r.off);
  }
}
