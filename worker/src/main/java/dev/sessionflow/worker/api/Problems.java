package dev.sessionflow.worker.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds problem+json responses. */
public final class Problems {

  private Problems() {}

  public static ResponseEntity<ProblemDetail> of(
      ProblemType type, String detail, Map<String, String> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
    problem.setType(type.uri());
    problem.setTitle(type.title());
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(type.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** Answers with the problem, for filters and handlers that answer before Spring MVC does. */
  public static void write(HttpServletResponse response, ProblemType type, String detail)
      throws IOException {
    response.setStatus(type.status().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getWriter().write(json(type, detail));
  }

  /** The same body, for filters that answer before Spring MVC does. */
  public static String json(ProblemType type, String detail) {
    return "{\"type\":\""
        + type.uri()
        + "\",\"title\":\""
        + type.title()
        + "\",\"status\":"
        + type.status().value()
        + ",\"detail\":\""
        + detail.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}";
  }
}
