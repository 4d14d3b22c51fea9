package dev.sessionflow.worker.workspace.admin;

import dev.sessionflow.activities.settings.LocaleTexts;
import dev.sessionflow.activities.settings.Locales;
import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.settings.LocaleTextsInput;
import dev.sessionflow.worker.settings.SettingsChangeRequest;
import dev.sessionflow.worker.settings.SettingsService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's page of texts in the end users' languages: one row per locale, each text optional,
 * and for each text left empty what the end user reads instead (the broader language's, or the
 * default). The whole table replaces the saved one, through the API's change and its checks.
 */
@Controller
class TranslatedTextsPage {
  static final String TEMPLATE = "workspace/admin-texts";

  /** The four texts, by their field names in the form and the API. */
  static final List<String> FIELDS =
      List.of("warningText", "endedText", "csatQuestion", "outOfHoursText");

  private final SettingsService settings;

  TranslatedTextsPage(SettingsService settings) {
    this.settings = settings;
  }

  /** One text of a row: its value, or (when empty) what falls in for it and from where. */
  record Cell(String field, String value, String fallbackFrom, String fallback) {}

  record Row(String locale, List<Cell> cells) {}

  @GetMapping("/admin/texts")
  String page(Model model) {
    MessagingSettings current = settings.current();
    return view(model, current, current.texts());
  }

  private String view(Model model, MessagingSettings saved, Map<String, LocaleTexts> shown) {
    List<Row> rows = new ArrayList<>();
    shown.forEach((locale, texts) -> rows.add(row(locale, texts, saved)));
    rows.add(row("", new LocaleTexts(null, null, null, null), saved)); // a new language
    model.addAttribute("rows", rows);
    return TEMPLATE;
  }

  private static Row row(String locale, LocaleTexts texts, MessagingSettings saved) {
    List<Cell> cells = new ArrayList<>();
    for (String field : FIELDS) {
      String value = text(field).apply(texts);
      String from = "default";
      String fallback = defaultText(field, saved);
      for (String tag : Locales.fallbacks(locale)) {
        LocaleTexts broader = saved.texts().get(tag);
        if (!tag.equals(locale) && broader != null && text(field).apply(broader) != null) {
          from = tag;
          fallback = text(field).apply(broader);
          break;
        }
      }
      cells.add(new Cell(field, value, from, fallback));
    }
    return new Row(locale, cells);
  }

  private static Function<LocaleTexts, String> text(String field) {
    return switch (field) {
      case "warningText" -> LocaleTexts::warningText;
      case "endedText" -> LocaleTexts::endedText;
      case "csatQuestion" -> LocaleTexts::csatQuestion;
      default -> LocaleTexts::outOfHoursText;
    };
  }

  private static String defaultText(String field, MessagingSettings s) {
    return switch (field) {
      case "warningText" -> s.warningText();
      case "endedText" -> s.endedNoticeText();
      case "csatQuestion" -> s.policy().csatQuestion();
      default -> s.hours().outOfHoursText();
    };
  }

  /** Rows whose texts are all empty are dropped: that removes a language. */
  @PostMapping("/admin/texts")
  String save(@RequestParam MultiValueMap<String, String> form, Model model) {
    List<String> locales = form.getOrDefault("locale", List.of());
    Map<String, LocaleTexts> typed = new LinkedHashMap<>();
    Map<String, LocaleTextsInput> change = new LinkedHashMap<>();
    for (int i = 0; i < locales.size(); i++) {
      String locale = locales.get(i).strip();
      List<String> values = new ArrayList<>();
      for (String field : FIELDS) {
        List<String> column = form.getOrDefault(field, List.of());
        String value = i < column.size() ? column.get(i).strip() : "";
        values.add(value.isEmpty() ? null : value);
      }
      LocaleTextsInput texts =
          new LocaleTextsInput(values.get(0), values.get(1), values.get(2), values.get(3));
      if (values.stream().allMatch(v -> v == null)) {
        continue;
      }
      typed.put(locale, texts.toTexts());
      change.put(locale, texts);
    }
    try {
      MessagingSettings saved = settings.update(SettingsChangeRequest.localeTexts(change));
      model.addAttribute("saved", true);
      return view(model, saved, saved.texts());
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("fieldErrors", e.errors());
      return view(model, settings.current(), typed);
    }
  }
}
