package dev.sessionflow.worker.automation;

import dev.sessionflow.worker.access.AccessChecks;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.PathIds;
import dev.sessionflow.worker.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MacroApplyController {
  private final MacroService macros;
  private final AutomationRunner runner;
  private final AccessChecks access;

  MacroApplyController(MacroService macros, AutomationRunner runner, AccessChecks access) {
    this.macros = macros;
    this.runner = runner;
    this.access = access;
  }

  @Operation(
      summary = "Apply a macro to a ticket",
      description =
          "The agent's act: its END_SESSION obeys 'Agents can end messaging sessions at any "
              + "time'. Every action is applied in order and reported APPLIED, ALREADY_DONE, "
              + "FORBIDDEN or FAILED; the triggers the change sets off follow. Runs durably: a "
              + "crash resumes it. Send an Idempotency-Key to make a retry join the first run. "
              + "202 if it takes longer than 30 s: poll /api/v1/automation-runs/{runId}.")
  @ApiResponse(responseCode = "200", description = "Completed")
  @ApiResponse(responseCode = "202", description = "Still running: poll the run")
  @PostMapping("/api/v1/tickets/{ticketId}/macros/{macroId}")
  ResponseEntity<AutomationResponse> apply(
      @PathVariable String ticketId,
      @PathVariable String macroId,
      @RequestHeader(name = RunIds.HEADER, required = false)
          @Parameter(schema = @Schema(pattern = RunIds.KEY_PATTERN, maxLength = 64))
          String idempotencyKey,
      Caller caller) {
    return respond(
        macros.apply(
            PathIds.check("ticketId", ticketId),
            PathIds.check("macroId", macroId),
            caller,
            idempotencyKey));
  }

  @Operation(summary = "A macro's or ticket update's run: its outcome, or its progress")
  @ApiResponse(responseCode = "200", description = "Completed")
  @ApiResponse(responseCode = "202", description = "Still running")
  @GetMapping("/api/v1/automation-runs/{runId}")
  ResponseEntity<AutomationResponse> run(@PathVariable String runId, Caller caller) {
    AutomationRun run =
        runner
            .await(PathIds.check("runId", runId), Duration.ZERO)
            .orElseThrow(() -> ApiException.notFound("Automation run " + runId));
    try {
      access.ticket(caller, run.result().ticketId(), false);
    } catch (ApiException outOfSight) {
      throw ApiException.notFound("Automation run " + runId);
    }
    return respond(run);
  }

  static ResponseEntity<AutomationResponse> respond(AutomationRun run) {
    HttpStatus status =
        run.status() == AutomationRun.Status.COMPLETED ? HttpStatus.OK : HttpStatus.ACCEPTED;
    return ResponseEntity.status(status).body(AutomationResponse.of(run));
  }
}
