package dev.sessionflow.worker.api;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** The stable problem types of the API: clients switch on the slug at the end of the type URI. */
public enum ProblemType {
  VALIDATION("validation", HttpStatus.BAD_REQUEST, "Invalid request"),
  UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Missing or unknown token"),
  FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed for this role"),
  AGENT_END_DISABLED(
      "agent-end-disabled", HttpStatus.FORBIDDEN, "Agents cannot end messaging sessions"),
  NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
  SESSION_ENDED("session-ended", HttpStatus.CONFLICT, "Session already ended"),
  CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
  SURVEY_ANSWERED("survey-answered", HttpStatus.CONFLICT, "Survey already answered"),
  SURVEY_EXPIRED("survey-expired", HttpStatus.GONE, "Survey expired"),
  UNSUPPORTED_MEDIA_TYPE(
      "unsupported-media-type",
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      "Unsupported or malformed Content-Type"),
  PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
  /** A codec server request holds a payload under a key the service does not have. */
  PAYLOAD_NOT_DECODABLE(
      "payload-not-decodable",
      HttpStatus.UNPROCESSABLE_CONTENT,
      "A payload does not decode under this service's keys"),
  RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
  UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
  /** A defect of the service: logged with its stack trace, answered without internals. */
  INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

  public static final String BASE = "https://sessionflow.dev/problems/";

  private final String slug;
  private final HttpStatus status;
  private final String title;

  ProblemType(String slug, HttpStatus status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  public URI uri() {
    return URI.create(BASE + slug);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String slug() {
    return slug;
  }
}
