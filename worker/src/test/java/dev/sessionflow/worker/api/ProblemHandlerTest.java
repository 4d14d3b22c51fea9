package dev.sessionflow.worker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemHandlerTest {
  private final ProblemHandler handler = new ProblemHandler();

  @Test
  void aValueTheDatabaseRefusesIsAValidationProblemNotA500() {
    ResponseEntity<ProblemDetail> r =
        handler.refusedByDatabase(
            new DataIntegrityViolationException(
                "insert", new SQLException("Value too long for column", "22001")));

    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(r.getBody().getType()).isEqualTo(ProblemType.VALIDATION.uri());
    assertThat(r.getBody().getDetail()).doesNotContain("Value too long");
  }

  @Test
  void aDuplicateIsAConflict() {
    ResponseEntity<ProblemDetail> r =
        handler.refusedByDatabase(new DuplicateKeyException("unique constraint"));

    assertThat(r.getStatusCode().value()).isEqualTo(409);
    assertThat(r.getBody().getType()).isEqualTo(ProblemType.CONFLICT.uri());
  }

  @Test
  void anUnexpectedFailureIsAProblemWithoutItsInternals() {
    ResponseEntity<ProblemDetail> r =
        handler.unexpected(new IllegalStateException("secret table t_internal is corrupt"));

    assertThat(r.getStatusCode().value()).isEqualTo(500);
    assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(r.getBody().getType()).isEqualTo(ProblemType.INTERNAL.uri());
    assertThat(r.getBody().toString()).doesNotContain("t_internal").doesNotContain("IllegalState");
  }

  @Test
  void springsOwnClientErrorsKeepTheirStatusAsProblems() {
    ResponseEntity<ProblemDetail> r =
        handler.unexpected(
            new org.springframework.web.HttpMediaTypeNotAcceptableException("text/csv"));

    assertThat(r.getStatusCode().value()).isEqualTo(406);
    assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aStreamOutlivingItsTimeIsNotAnInternalFailure() {
    ResponseEntity<ProblemDetail> r =
        handler.asyncTimeout(
            new org.springframework.web.context.request.async.AsyncRequestTimeoutException());

    assertThat(r.getStatusCode().value()).isEqualTo(503);
    assertThat(r.getBody().getType()).isEqualTo(ProblemType.UNAVAILABLE.uri());
  }
}
