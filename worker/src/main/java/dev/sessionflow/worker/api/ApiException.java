package dev.sessionflow.worker.api;

import java.util.Map;

/** An API error with its problem type; rendered as application/problem+json. */
public class ApiException extends RuntimeException {
  private final ProblemType type;
  private final Map<String, String> errors;

  public ApiException(ProblemType type, String detail) {
    this(type, detail, Map.of());
  }

  public ApiException(ProblemType type, String detail, Map<String, String> errors) {
    super(detail);
    this.type = type;
    this.errors = errors;
  }

  public static ApiException notFound(String what) {
    return new ApiException(ProblemType.NOT_FOUND, what + " does not exist");
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(ProblemType.VALIDATION, field + ": " + message, Map.of(field, message));
  }

  public ProblemType type() {
    return type;
  }

  public Map<String, String> errors() {
    return errors;
  }
}
