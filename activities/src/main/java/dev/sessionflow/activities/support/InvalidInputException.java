package dev.sessionflow.activities.support;

import java.util.Map;

/** Input that breaks a business rule; the API answers 400 with the field errors. */
public class InvalidInputException extends RuntimeException {
  private final Map<String, String> fieldErrors;

  public InvalidInputException(Map<String, String> fieldErrors) {
    super("invalid input: " + fieldErrors);
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
