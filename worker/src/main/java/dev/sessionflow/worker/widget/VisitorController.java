package dev.sessionflow.worker.widget;

import dev.sessionflow.activities.widget.IssuedVisitor;
import dev.sessionflow.activities.widget.VisitorStore;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VisitorController {
  private final VisitorStore visitors;
  private final VisitorJwts jwts;
  private final AllowedOrigins origins;
  private final Clock clock;
  private final Duration anonymousLifetime;

  VisitorController(
      VisitorStore visitors,
      VisitorJwts jwts,
      AllowedOrigins origins,
      Clock clock,
      @Value("${sessionflow.widget.anonymous-visitor-lifetime:P30D}") Duration anonymousLifetime) {
    this.visitors = visitors;
    this.jwts = jwts;
    this.origins = origins;
    this.clock = clock;
    this.anonymousLifetime = anonymousLifetime;
  }

  @Operation(
      summary = "Start a widget visitor (no auth: called by widget.js on an allowed site)",
      description =
          "The request's Origin must be one an admin allowed (widget.allowedOrigins in the"
              + " settings; loopback origins too in development). Without a jwt the visitor is"
              + " anonymous and gets a new conversation; with a JWT signed by a widget key it is"
              + " that external_id's conversation, the same from any browser. The visitor token"
              + " reads and writes only that conversation.")
  @ApiResponse(responseCode = "201", description = "The visitor's token and conversation")
  @ApiResponse(responseCode = "401", description = "The JWT is invalid or expired")
  @ApiResponse(responseCode = "403", description = "The Origin is not allowed")
  @SecurityRequirements // public: the page's Origin is what is checked
  @PostMapping("/api/v1/widget/visitors")
  @ResponseStatus(HttpStatus.CREATED)
  VisitorStarted start(
      // Set by the browser, not by a client: left out of the OpenAPI document.
      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ORIGIN, required = false)
          String origin,
      @Valid @RequestBody(required = false) VisitorRequest body) {
    if (!origins.allows(origin)) {
      throw new ApiException(
          ProblemType.FORBIDDEN,
          "This site may not start a chat: an admin allows its origin in the settings"
              + " (widget.allowedOrigins)");
    }
    IssuedVisitor issued;
    if (body != null && body.jwt() != null) {
      VisitorJwts.Identity who = jwts.verify(body.jwt());
      issued = visitors.startVerified(who.externalId(), who.name(), who.expiresAt());
    } else {
      issued = visitors.startAnonymous(clock.instant().plus(anonymousLifetime));
    }
    return new VisitorStarted(
        issued.token(),
        issued.visitor().conversationId(),
        issued.visitor().verified(),
        issued.visitor().expiresAt(),
        "/widget/frame");
  }
}
