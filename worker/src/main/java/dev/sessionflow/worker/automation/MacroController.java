package dev.sessionflow.worker.automation;

import dev.sessionflow.activities.automation.Macro;
import dev.sessionflow.activities.automation.MacroStore;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.PathIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
@RequestMapping("/api/v1/macros")
class MacroController {
  private final MacroStore macros;

  MacroController(MacroStore macros) {
    this.macros = macros;
  }

  @Operation(
      summary = "Create a macro",
      description =
          "Actions, applied in order: SET_GROUP (value), SET_STATUS (value OPEN, PENDING or "
              + "SOLVED), ADD_INTERNAL_NOTE (value), SEND_MESSAGE (value), END_SESSION (reason, "
              + "default RESOLVED; sendCsat, default the policy, none for ESCALATED).")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(
      responseCode = "409",
      description = "At most 500 macros: delete one first (conflict)",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping
  ResponseEntity<Macro> create(@RequestBody MacroRequest body) {
    Macro macro = macros.create(body.name(), body.actions());
    return ResponseEntity.created(URI.create("/api/v1/macros/" + macro.macroId())).body(macro);
  }

  @Operation(summary = "Every macro, by name")
  @GetMapping
  List<Macro> list() {
    return macros.list();
  }

  @Operation(summary = "One macro")
  @GetMapping("/{macroId}")
  Macro get(@PathVariable String macroId) {
    return macros.find(PathIds.check("macroId", macroId)).orElseThrow(() -> notFound(macroId));
  }

  @Operation(summary = "Replace a macro's name and actions")
  @PutMapping("/{macroId}")
  Macro replace(@PathVariable String macroId, @RequestBody MacroRequest body) {
    return macros
        .replace(PathIds.check("macroId", macroId), body.name(), body.actions())
        .orElseThrow(() -> notFound(macroId));
  }

  @Operation(summary = "Delete a macro (runs under way finish)")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @DeleteMapping("/{macroId}")
  ResponseEntity<Void> delete(@PathVariable String macroId) {
    if (!macros.delete(PathIds.check("macroId", macroId))) {
      throw notFound(macroId);
    }
    return ResponseEntity.noContent().build();
  }

  static ApiException notFound(String macroId) {
    return ApiException.notFound("Macro " + macroId);
  }
}
