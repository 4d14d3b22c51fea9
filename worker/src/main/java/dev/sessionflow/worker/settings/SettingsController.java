package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
  @ApiResponse(
      responseCode = "200",
      description = "The settings; the ETag names their version, for a later PUT's If-Match",
      headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = "string")),
      content = @Content(schema = @Schema(implementation = SettingsResponse.class)))
  @GetMapping
  ResponseEntity<SettingsResponse> get(Caller caller) {
    MessagingSettings current = settings.current();
    return ResponseEntity.ok()
        .eTag(SettingsETag.of(current.version()))
        .body(SettingsResponse.of(current, caller.role() == Role.ADMIN));
  }

  @Operation(
      summary = "Change messaging settings (partial: send only what changes)",
      description =
          "Durations are ISO-8601 and at least PT1S; autoCloseAfter and warnBeforeClose take "
              + "null to turn that timer off. csat and settlement merge key by key; webhooks "
              + "replaces the whole list. With If-Match (the ETag of a GET), a change made "
              + "against settings someone else changed since is refused with 409 conflict "
              + "instead of undoing theirs; without it the change applies to the current "
              + "settings. Running sessions get the new timers and policies within seconds; a "
              + "session that missed them catches up at its next message or end; a survey "
              + "already sent keeps its expiry.")
  @ApiResponse(
      responseCode = "200",
      description = "The settings as saved; the ETag names their new version",
      headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = "string")),
      content = @Content(schema = @Schema(implementation = SettingsResponse.class)))
  @PutMapping
  ResponseEntity<SettingsResponse> put(
      @Parameter(description = "The ETag the change was made against, e.g. \"7\"")
          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
          String ifMatch,
      @RequestBody SettingsChangeRequest body) {
    return answer(settings.update(body, SettingsETag.expectedVersion(ifMatch)));
  }

  private static ResponseEntity<SettingsResponse> answer(MessagingSettings current) {
    return ResponseEntity.ok()
        .eTag(SettingsETag.of(current.version()))
        .body(SettingsResponse.of(current, true));
  }
}
