package dev.sessionflow.worker.widget;

import dev.sessionflow.activities.widget.NewWidgetKey;
import dev.sessionflow.activities.widget.WidgetKey;
import dev.sessionflow.activities.widget.WidgetKeyStore;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.PathIds;
import dev.sessionflow.worker.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/widget/keys")
class WidgetKeysController {
  private final WidgetKeyStore keys;

  WidgetKeysController(WidgetKeyStore keys) {
    this.keys = keys;
  }

  @Operation(
      summary = "Make a widget key",
      description =
          "The customer's backend signs verified visitors' JWTs with it (HS256, the kid in the"
              + " header, the secret's UTF-8 bytes as the key). The secret is shown only in this"
              + " answer and kept encrypted.")
  @ApiResponse(responseCode = "201", description = "The key's kid and its secret, shown once")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  NewWidgetKey create(Caller caller) {
    return keys.create(caller.getName());
  }

  @Operation(summary = "The widget keys, revoked ones included (never a secret)")
  @GetMapping
  Map<String, List<WidgetKey>> list() {
    return Map.of("keys", keys.list());
  }

  @Operation(summary = "Revoke a widget key: JWTs it signed are refused from now on")
  @ApiResponse(responseCode = "204", description = "Revoked (again: still revoked)")
  @DeleteMapping("/{kid}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable String kid) {
    if (!keys.revoke(PathIds.check("kid", kid))) {
      throw ApiException.notFound("Widget key " + kid);
    }
  }
}
