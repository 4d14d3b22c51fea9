package dev.sessionflow.worker.settings.preview;

import dev.sessionflow.worker.settings.SettingsChangeRequest;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PreviewController {
  private final SettingsPreview preview;

  PreviewController(SettingsPreview preview) {
    this.preview = preview;
  }

  @Operation(
      summary = "What a settings change would have done to recent sessions (nothing is saved)",
      description =
          "Takes the body a PUT of the settings takes, with the same checks, and replays the "
              + "sessions opened in the last `days` days from their stored message times, under "
              + "the current settings and under the changed ones: how many would have "
              + "auto-closed, how much sooner or later, how many surveys would have gone out, and "
              + "a few sessions whose outcome moves. No settings version, signal, message, "
              + "webhook or survey results from it. Whether an agent's own end asked for a "
              + "survey is not stored, so the policy decides for those ends.")
  @PostMapping("/api/v1/settings/messaging/preview")
  PreviewResponse preview(
      @RequestParam(defaultValue = "" + SettingsPreview.DEFAULT_DAYS)
          @Min(1)
          @Max(SettingsPreview.MAX_DAYS)
          int days,
      @RequestBody SettingsChangeRequest body) {
    return preview.preview(body, days);
  }
}
