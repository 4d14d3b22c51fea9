package dev.sessionflow.worker.automation;

import dev.sessionflow.activities.automation.StoredTrigger;
import dev.sessionflow.activities.automation.TriggerStore;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.PathIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/triggers")
class TriggerController {
  private final TriggerStore triggers;
  private final TriggerService service;

  TriggerController(TriggerStore triggers, TriggerService service) {
    this.triggers = triggers;
    this.service = service;
  }

  @Operation(
      summary = "Create a trigger",
      description =
          "Runs after every ticket update (an agent's change, a macro, a session's end and "
              + "settlement) while its conditions hold: all of conditions.all and, if given, one "
              + "of conditions.any. Fields: group, status, sessionStatus, endReason, endedBy. "
              + "Operators: IS, IS_NOT, CHANGED, NOT_CHANGED, CHANGED_FROM, CHANGED_TO. Actions "
              + "as for macros, by the system (endedBy SYSTEM). Each trigger fires at most once "
              + "per update, so triggers cannot loop.")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(
      responseCode = "409",
      description = "At most 100 triggers: delete one first (conflict)",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping
  ResponseEntity<StoredTrigger> create(@Valid @RequestBody TriggerRequest body) {
    StoredTrigger trigger =
        service.create(
            body.name(), body.enabled(), body.position(), body.conditions(), body.actions());
    return ResponseEntity.created(URI.create("/api/v1/triggers/" + trigger.triggerId()))
        .body(trigger);
  }

  @Operation(summary = "Every trigger, in evaluation order")
  @GetMapping
  List<StoredTrigger> list() {
    return service.list();
  }

  @Operation(summary = "One trigger")
  @GetMapping("/{triggerId}")
  StoredTrigger get(@PathVariable String triggerId) {
    return triggers
        .find(PathIds.check("triggerId", triggerId))
        .orElseThrow(() -> notFound(triggerId));
  }

  @Operation(summary = "Replace a trigger (a missing position keeps its place)")
  @PutMapping("/{triggerId}")
  StoredTrigger replace(@PathVariable String triggerId, @Valid @RequestBody TriggerRequest body) {
    return triggers
        .replace(
            PathIds.check("triggerId", triggerId),
            body.name(),
            body.enabled() == null || body.enabled(),
            body.position(),
            body.conditions(),
            body.actions())
        .orElseThrow(() -> notFound(triggerId));
  }

  @Operation(summary = "Delete a trigger")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @DeleteMapping("/{triggerId}")
  ResponseEntity<Void> delete(@PathVariable String triggerId) {
    if (!triggers.delete(PathIds.check("triggerId", triggerId))) {
      throw notFound(triggerId);
    }
    return ResponseEntity.noContent().build();
  }

  private static ApiException notFound(String triggerId) {
    return ApiException.notFound("Trigger " + triggerId);
  }
}
