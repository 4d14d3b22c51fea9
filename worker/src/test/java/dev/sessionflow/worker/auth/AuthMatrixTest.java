package dev.sessionflow.worker.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sessionflow.worker.ApiClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint the application maps, times every kind of caller: the expected status class
 * comes from the table below, which names each endpoint. An endpoint missing from the table (a new
 * one) fails the test, as does any caller getting in where it should not, or kept out where it
 * should get in.
 */
class AuthMatrixTest extends ScopedApiTestBase {

  /** Who may call an endpoint, and whether it acts on one ticket, session or conversation. */
  private record Expect(Set<Role> roles, boolean scoped, String body) {}

  private enum Who {
    ANONYMOUS(null),
    CHANNEL_OTHER(OTHER_CHANNEL),
    AGENT_OUT_OF_SCOPE(AGENT_TIER_2),
    CHANNEL_OWNER(OWNER_CHANNEL),
    AGENT_IN_SCOPE(AGENT_FIRST_LINE),
    ADMIN(ApiClient.ADMIN),
    /** A widget visitor: its token is minted for the run (see {@link #visitorToken}). */
    VISITOR(null);

    final String token;

    Who(String token) {
      this.token = token;
    }

    Role role() {
      return switch (this) {
        case ANONYMOUS -> null;
        case CHANNEL_OTHER, CHANNEL_OWNER -> Role.CHANNEL;
        case AGENT_OUT_OF_SCOPE, AGENT_IN_SCOPE -> Role.AGENT;
        case ADMIN -> Role.ADMIN;
        case VISITOR -> Role.VISITOR;
      };
    }

    boolean outOfScope() {
      return this == CHANNEL_OTHER || this == AGENT_OUT_OF_SCOPE;
    }
  }

  private static final Set<Role> STAFF = Set.of(Role.AGENT, Role.ADMIN);
  private static final Set<Role> ADMIN = Set.of(Role.ADMIN);
  private static final String MACRO =
      "{\"name\":\"Note\",\"actions\":[{\"type\":\"ADD_INTERNAL_NOTE\",\"value\":\"seen\"}]}";
  private static final String TRIGGER =
      "{\"name\":\"Idle\",\"enabled\":false,\"conditions\":{\"all\":[{\"field\":\"group\","
          + "\"operator\":\"IS\",\"value\":\"nowhere\"}]},"
          + "\"actions\":[{\"type\":\"ADD_INTERNAL_NOTE\",\"value\":\"x\"}]}";

  /** The specification: every endpoint of the API. */
  private static final Map<String, Expect> TABLE = new LinkedHashMap<>();

  static {
    TABLE.put(
        "POST /api/v1/conversations/{conversationId}/messages",
        new Expect(
            Set.of(Role.CHANNEL),
            true,
            "{\"messageId\":\"m-2\",\"endUserId\":\"u-1\",\"text\":\"More\"}"));
    TABLE.put(
        "GET /api/v1/conversations/{conversationId}/messages",
        new Expect(Set.of(Role.CHANNEL, Role.AGENT, Role.ADMIN), true, null));
    TABLE.put(
        "POST /api/v1/sessions/{sessionId}/messages",
        new Expect(Set.of(Role.AGENT), true, "{\"messageId\":\"a-1\",\"text\":\"On it\"}"));
    TABLE.put(
        "POST /api/v1/sessions/{sessionId}/end",
        new Expect(Set.of(Role.AGENT, Role.ADMIN, Role.CHANNEL), true, "{\"sendCsat\":false}"));
    TABLE.put("GET /api/v1/sessions/{sessionId}", new Expect(STAFF, true, null));
    TABLE.put("GET /api/v1/sessions", new Expect(STAFF, false, null));
    TABLE.put("GET /api/v1/tickets/{ticketId}", new Expect(STAFF, true, null));
    TABLE.put(
        "PATCH /api/v1/tickets/{ticketId}", new Expect(STAFF, true, "{\"status\":\"PENDING\"}"));
    TABLE.put("POST /api/v1/tickets/{ticketId}/macros/{macroId}", new Expect(STAFF, true, null));
    TABLE.put("GET /api/v1/automation-runs/{runId}", new Expect(STAFF, true, null));
    TABLE.put("GET /api/v1/macros", new Expect(STAFF, false, null));
    TABLE.put("GET /api/v1/macros/{macroId}", new Expect(STAFF, false, null));
    TABLE.put("POST /api/v1/macros", new Expect(ADMIN, false, MACRO));
    TABLE.put("PUT /api/v1/macros/{macroId}", new Expect(ADMIN, false, MACRO));
    TABLE.put("DELETE /api/v1/macros/{macroId}", new Expect(ADMIN, false, null));
    TABLE.put("GET /api/v1/triggers", new Expect(STAFF, false, null));
    TABLE.put("GET /api/v1/triggers/{triggerId}", new Expect(STAFF, false, null));
    TABLE.put("POST /api/v1/triggers", new Expect(ADMIN, false, TRIGGER));
    TABLE.put("PUT /api/v1/triggers/{triggerId}", new Expect(ADMIN, false, TRIGGER));
    TABLE.put("DELETE /api/v1/triggers/{triggerId}", new Expect(ADMIN, false, null));
    TABLE.put("GET /api/v1/settings/messaging", new Expect(STAFF, false, null));
    TABLE.put("PUT /api/v1/settings/messaging", new Expect(ADMIN, false, "{}"));
    TABLE.put("POST /api/v1/settings/messaging/preview", new Expect(ADMIN, false, "{}"));
    TABLE.put("GET /api/v1/retention", new Expect(ADMIN, false, null));
    TABLE.put("PUT /api/v1/retention", new Expect(ADMIN, false, "{}"));
    TABLE.put("DELETE /api/v1/end-users/{endUserId}", new Expect(ADMIN, false, null));
    // Public: the survey token is the credential (an unknown one is 404 to everyone).
    TABLE.put("POST /api/v1/csat/{surveyToken}", new Expect(Set.of(), false, "{\"rating\":5}"));
    // Public: the page's Origin is what is checked (the matrix sends a loopback one).
    TABLE.put("POST /api/v1/widget/visitors", new Expect(Set.of(), false, "{}"));
    TABLE.put("GET /api/v1/widget/keys", new Expect(ADMIN, false, null));
    TABLE.put("POST /api/v1/widget/keys", new Expect(ADMIN, false, null));
    TABLE.put("DELETE /api/v1/widget/keys/{kid}", new Expect(ADMIN, false, null));
    Set<Role> visitor = Set.of(Role.VISITOR);
    TABLE.put("GET /api/v1/widget/conversation", new Expect(visitor, false, null));
    TABLE.put("GET /api/v1/widget/conversation/stream", new Expect(visitor, false, null));
    TABLE.put(
        "POST /api/v1/widget/conversation/messages",
        new Expect(visitor, false, "{\"messageId\":\"matrix-1\",\"text\":\"Hi\"}"));
    TABLE.put("POST /api/v1/widget/conversation/end", new Expect(visitor, false, null));
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  /** "METHOD /path" of every API endpoint the application serves. */
  private List<String> endpoints() {
    Set<String> endpoints = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info -> {
              for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/")) {
                  for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(method.name() + " " + path);
                  }
                }
              }
            });
    return new ArrayList<>(endpoints);
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointTimesEveryCaller() {
    List<String> endpoints = endpoints();
    assertThat(endpoints).as("the API's endpoints").hasSizeGreaterThan(20);
    System.out.printf(
        "auth matrix: %d endpoints x %d callers = %d cells%n",
        endpoints.size(), Who.values().length, endpoints.size() * Who.values().length);
    return endpoints.stream().map(e -> DynamicTest.dynamicTest(e, () -> check(e)));
  }

  private void check(String endpoint) {
    Expect expect = TABLE.get(endpoint);
    if (expect == null) {
      fail(
          endpoint + " has no rule in the auth matrix: add it to ApiAccessRules and to this table");
    }
    String method = endpoint.substring(0, endpoint.indexOf(' '));
    String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
    String path = concrete(pattern);
    List<String> failures = new ArrayList<>();
    for (Who who : Who.values()) {
      String token = who == Who.VISITOR ? visitorToken() : who.token;
      int status = call(method, path, token, expect.body()).status();
      String expected = expected(expect, who);
      boolean ok =
          switch (expected) {
            case "401", "403", "404" -> status == Integer.parseInt(expected);
            default -> status != 401 && status != 403 && (expect.scoped() ? status != 404 : true);
          };
      if (!ok) {
        failures.add(who + ": expected " + expected + ", got " + status);
      }
    }
    assertThat(failures).as(endpoint + " on " + path).isEmpty();
  }

  /** 401, 403, 404, or "in" (the request gets past auth and scope). */
  private static String expected(Expect expect, Who who) {
    if (expect.roles().isEmpty()) {
      return "in";
    }
    if (who.role() == null) {
      return "401";
    }
    if (!expect.roles().contains(who.role())) {
      return "403";
    }
    return expect.scoped() && who.outOfScope() ? "404" : "in";
  }

  private String visitorToken;

  /** A visitor started as widget.js starts one, from a page on a (development) loopback origin. */
  private String visitorToken() {
    if (visitorToken == null) {
      visitorToken =
          api.post("/api/v1/widget/visitors", null, "{}", Map.of("Origin", ORIGIN))
              .expect(201)
              .json()
              .get("visitorToken")
              .asText();
    }
    return visitorToken;
  }

  private static final String ORIGIN = "http://127.0.0.1:1";

  private ApiClient.Response call(String method, String path, String token, String body) {
    if (path.endsWith("/stream")) {
      return api.opening(path, token);
    }
    return switch (method) {
      case "GET" -> api.get(path, token);
      case "POST" -> api.post(path, token, body, Map.of("Origin", ORIGIN));
      case "PUT" -> api.put(path, token, body);
      case "PATCH" -> api.patch(path, token, body);
      case "DELETE" -> api.delete(path, token);
      default -> throw new AssertionError("no client for " + method);
    };
  }

  /** The pattern with fresh objects for its variables: a first-line ticket, a macro, .... */
  private String concrete(String pattern) {
    Chat chat = chatInGroup("first-line");
    String path =
        pattern
            .replace("{conversationId}", chat.conversationId())
            .replace("{sessionId}", chat.sessionId())
            .replace("{ticketId}", chat.ticketId())
            .replace("{runId}", chat.runId())
            .replace("{surveyToken}", "no-such-survey")
            .replace("{kid}", "wk-none")
            .replace("{endUserId}", "u-nobody-to-erase");
    if (path.contains("{macroId}")) {
      String macro =
          api.post("/api/v1/macros", ApiClient.ADMIN, MACRO)
              .expect(201)
              .json()
              .get("macroId")
              .asText();
      path = path.replace("{macroId}", macro);
    }
    if (path.contains("{triggerId}")) {
      String trigger =
          api.post("/api/v1/triggers", ApiClient.ADMIN, TRIGGER)
              .expect(201)
              .json()
              .get("triggerId")
              .asText();
      path = path.replace("{triggerId}", trigger);
    }
    assertThat(path).doesNotContain("{");
    return path;
  }
}
