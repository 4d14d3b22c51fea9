package dev.sessionflow.worker.auth;

import dev.sessionflow.activities.widget.Visitor;
import dev.sessionflow.activities.widget.VisitorStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Widget visitors' bearer tokens ({@code sfv_...}): each authenticates as a {@link Role#VISITOR}
 * caller, and leaves the {@link Visitor} (its one conversation) on the request for the widget's
 * endpoints. An unknown or expired token is a 401 like any other.
 */
@Component
public class VisitorCallers {
  static final String PREFIX = "sfv_";
  private static final String ATTRIBUTE = Visitor.class.getName();

  private final VisitorStore visitors;

  VisitorCallers(VisitorStore visitors) {
    this.visitors = visitors;
  }

  static boolean isVisitorToken(String token) {
    return token.startsWith(PREFIX);
  }

  CallerAuthentication authenticate(String token, HttpServletRequest request) {
    Visitor visitor;
    try {
      visitor =
          visitors
              .find(token)
              .orElseThrow(() -> new InvalidBearerTokenException("Unknown or expired visitor"));
    } catch (DataAccessException storeDown) {
      throw new AuthenticationServiceException("The visitor store is unavailable", storeDown);
    }
    request.setAttribute(ATTRIBUTE, visitor);
    return new CallerAuthentication(Caller.visitor(visitor.visitorId()));
  }

  /** The visitor the request's token named, when a visitor made it. */
  public static Optional<Visitor> of(HttpServletRequest request) {
    return Optional.ofNullable((Visitor) request.getAttribute(ATTRIBUTE));
  }
}
