package dev.sessionflow.worker.api;

import dev.sessionflow.activities.support.InvalidInputException;
import dev.sessionflow.activities.support.LimitReachedException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.serviceclient.CheckedExceptionWrapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/** Maps every failure to problem+json with a stable type; bad input is never a 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    return Problems.of(e.type(), e.getMessage(), e.errors());
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
    return Problems.of(ProblemType.VALIDATION, "The request has invalid fields", e.fieldErrors());
  }

  @ExceptionHandler(LimitReachedException.class)
  ResponseEntity<ProblemDetail> limitReached(LimitReachedException e) {
    return Problems.of(ProblemType.CONFLICT, e.getMessage(), Map.of());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> notValid(MethodArgumentNotValidException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    e.getBindingResult()
        .getFieldErrors()
        .forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
    return Problems.of(ProblemType.VALIDATION, "The request has invalid fields", errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException tooLarge) {
        return Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), Map.of());
      }
      Map<String, String> field =
          t instanceof JacksonException misfit ? JsonFieldError.of(misfit) : null;
      if (field != null) {
        return Problems.of(ProblemType.VALIDATION, "The request has invalid fields", field);
      }
    }
    return Problems.of(
        ProblemType.VALIDATION, "The request body is missing or is not valid JSON", Map.of());
  }

  /**
   * A query the firewall refuses once a handler reads its parameters (Spring Security checks their
   * names lazily: a control character in one): the client's input, not the service's failure.
   */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<ProblemDetail> rejectedByFirewall(RequestRejectedException e) {
    return Problems.of(
        ProblemType.VALIDATION,
        "The request has a parameter whose name or value is not allowed",
        Map.of("query", "parameter names and values must be printable text"));
  }

  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class
  })
  ResponseEntity<ProblemDetail> badRequest(Exception e) {
    return Problems.of(ProblemType.VALIDATION, e.getMessage(), Map.of());
  }

  @ExceptionHandler({
    HttpMediaTypeNotSupportedException.class,
    InvalidMediaTypeException.class,
    MultipartException.class
  })
  ResponseEntity<ProblemDetail> unsupportedMediaType(Exception e) {
    return Problems.of(
        ProblemType.UNSUPPORTED_MEDIA_TYPE,
        "Send the request body as application/json (" + e.getMessage() + ")",
        Map.of());
  }

  /** A duplicate is a conflict; any other refusal of the database is a value it cannot hold. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> refusedByDatabase(DataIntegrityViolationException e) {
    log.warn("the database refused a request: {}", e.getMostSpecificCause().toString());
    if (e instanceof DuplicateKeyException) {
      return Problems.of(
          ProblemType.CONFLICT, "The request conflicts with a stored record", Map.of());
    }
    return Problems.of(
        ProblemType.VALIDATION, "A value of the request does not fit what is stored", Map.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e) {
    return Problems.of(
        ProblemType.NOT_FOUND, "No such resource: /" + e.getResourcePath(), Map.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return ResponseEntity.status(e.getStatusCode())
        .headers(e.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(e.getBody());
  }

  @ExceptionHandler({
    CannotGetJdbcConnectionException.class,
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    WorkflowServiceException.class,
    CheckedExceptionWrapper.class,
    io.grpc.StatusRuntimeException.class
  })
  ResponseEntity<ProblemDetail> unavailable(Exception e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    log.warn("dependency unavailable: {} (cause: {})", e.toString(), root.toString());
    return Problems.of(
        ProblemType.UNAVAILABLE,
        "A dependency (Temporal or the database) is unavailable; retry the request",
        Map.of());
  }

  /** A client that went away mid-stream: nothing to answer, nothing failed on this side. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone() {
    // the response can no longer be written
  }

  /** An asynchronous request (a stream) that outlived its time: nothing failed, nothing to log. */
  @ExceptionHandler(AsyncRequestTimeoutException.class)
  ResponseEntity<ProblemDetail> asyncTimeout(AsyncRequestTimeoutException e) {
    return Problems.of(ProblemType.UNAVAILABLE, "The request timed out; retry it", Map.of());
  }

  /**
   * Spring's own refusals (406, 405, a missing header...) keep their status; anything else is a
   * defect: logged whole, answered as a problem without its message or stack trace.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
      ProblemType type =
          known.getStatusCode().value() == 404 ? ProblemType.NOT_FOUND : ProblemType.VALIDATION;
      ProblemDetail problem = known.getBody();
      if (known.getStatusCode().value() == type.status().value()) {
        problem.setType(type.uri());
        problem.setTitle(type.title());
      }
      return ResponseEntity.status(known.getStatusCode())
          .headers(known.getHeaders())
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    log.error("unexpected failure of a request", e);
    return Problems.of(
        ProblemType.INTERNAL,
        "The service failed to handle the request; it has been logged",
        Map.of());
  }
}
