package dev.sessionflow.worker.auth;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Who may call each API endpoint: the one place that says so. An endpoint without a rule here is
 * denied to everyone (see {@link UnruledEndpoints}); the auth matrix test fails on it too.
 */
public final class ApiAccessRules {
  /** One endpoint's rule; no roles means public (the request carries its own credential). */
  public record Rule(HttpMethod method, String pattern, List<Role> roles) {
    public boolean isPublic() {
      return roles.isEmpty();
    }
  }

  private static final List<Role> STAFF = List.of(Role.AGENT, Role.ADMIN);
  private static final List<Role> ADMIN = List.of(Role.ADMIN);
  private static final List<Role> VISITOR = List.of(Role.VISITOR);

  public static final List<Rule> RULES =
      List.of(
          rule(HttpMethod.POST, "/api/v1/conversations/*/messages", List.of(Role.CHANNEL)),
          rule(
              HttpMethod.GET,
              "/api/v1/conversations/*/messages",
              List.of(Role.CHANNEL, Role.AGENT, Role.ADMIN)),
          rule(HttpMethod.POST, "/api/v1/sessions/*/messages", List.of(Role.AGENT)),
          rule(
              HttpMethod.POST,
              "/api/v1/sessions/*/end",
              List.of(Role.AGENT, Role.ADMIN, Role.CHANNEL)),
          rule(HttpMethod.GET, "/api/v1/sessions/*", STAFF),
          rule(HttpMethod.GET, "/api/v1/sessions", STAFF),
          rule(HttpMethod.GET, "/api/v1/tickets/*", STAFF),
          rule(HttpMethod.PATCH, "/api/v1/tickets/*", STAFF),
          rule(HttpMethod.POST, "/api/v1/tickets/*/macros/*", STAFF),
          rule(HttpMethod.GET, "/api/v1/automation-runs/*", STAFF),
          rule(HttpMethod.GET, "/api/v1/macros", STAFF),
          rule(HttpMethod.GET, "/api/v1/macros/*", STAFF),
          rule(HttpMethod.POST, "/api/v1/macros", ADMIN),
          rule(HttpMethod.PUT, "/api/v1/macros/*", ADMIN),
          rule(HttpMethod.DELETE, "/api/v1/macros/*", ADMIN),
          rule(HttpMethod.GET, "/api/v1/triggers", STAFF),
          rule(HttpMethod.GET, "/api/v1/triggers/*", STAFF),
          rule(HttpMethod.POST, "/api/v1/triggers", ADMIN),
          rule(HttpMethod.PUT, "/api/v1/triggers/*", ADMIN),
          rule(HttpMethod.DELETE, "/api/v1/triggers/*", ADMIN),
          rule(HttpMethod.GET, "/api/v1/settings/messaging", STAFF),
          rule(HttpMethod.PUT, "/api/v1/settings/messaging", ADMIN),
          rule(HttpMethod.POST, "/api/v1/settings/messaging/preview", ADMIN),
          rule(HttpMethod.GET, "/api/v1/retention", ADMIN),
          rule(HttpMethod.PUT, "/api/v1/retention", ADMIN),
          rule(HttpMethod.DELETE, "/api/v1/end-users/*", ADMIN),
          // The survey token is the end user's credential.
          rule(HttpMethod.POST, "/api/v1/csat/*", List.of()),
          // Anyone on an allowed site may start a visitor: the Origin is checked there.
          rule(HttpMethod.POST, "/api/v1/widget/visitors", List.of()),
          rule(HttpMethod.GET, "/api/v1/widget/keys", ADMIN),
          rule(HttpMethod.POST, "/api/v1/widget/keys", ADMIN),
          rule(HttpMethod.DELETE, "/api/v1/widget/keys/*", ADMIN),
          rule(HttpMethod.GET, "/api/v1/widget/conversation", VISITOR),
          rule(HttpMethod.GET, "/api/v1/widget/conversation/stream", VISITOR),
          rule(HttpMethod.POST, "/api/v1/widget/conversation/messages", VISITOR),
          rule(HttpMethod.POST, "/api/v1/widget/conversation/end", VISITOR));

  private ApiAccessRules() {}

  private static Rule rule(HttpMethod method, String pattern, List<Role> roles) {
    return new Rule(method, pattern, roles);
  }
}
