package dev.sessionflow.worker.api;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A body that is JSON but does not fit its type, as a field error: {@code csat.scale} or {@code
 * webhooks[0].url}, and what is wrong with it. The admin's page shows it beside the field; an API
 * client reads which key to fix.
 */
final class JsonFieldError {
  private JsonFieldError() {}

  /** The field and the reason, or null when the failure names no field. */
  static Map<String, String> of(JacksonException e) {
    StringBuilder field = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    if (field.isEmpty()) {
      return null;
    }
    return Map.of(field.toString(), reason(e));
  }

  private static String reason(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "is not a field of this object";
    }
    if (e instanceof InvalidNullException) {
      return "may be left out, but not null";
    }
    return "has the wrong type or value";
  }
}
