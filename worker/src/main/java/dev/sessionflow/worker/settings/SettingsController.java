package dev.sessionflow.worker.settings;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/settings/messaging")
class SettingsController {
  private final SettingsService settings;

  SettingsController(SettingsService settings) {
    this.settings = settings;
  }

  @Operation(summary = "The account's messaging settings")
  @GetMapping
  SettingsResponse get() {
    return SettingsResponse.of(settings.current());
  }

  @Operation(
      summary = "Change messaging settings (partial: send only what changes)",
      description =
          "Durations are ISO-8601 and at least PT1S; autoCloseAfter and warnBeforeClose take "
              + "null to turn that timer off. csat and settlement merge key by key; webhooks "
              + "replaces the whole list. Running sessions get the new timers and policies "
              + "within seconds; a survey already sent keeps its expiry.")
  @PutMapping
  SettingsResponse put(@RequestBody Map<String, Object> body) {
    return SettingsResponse.of(settings.update(body));
  }
}
