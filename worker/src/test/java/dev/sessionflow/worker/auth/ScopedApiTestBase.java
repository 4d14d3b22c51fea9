package dev.sessionflow.worker.auth;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The service with narrower identities beside the development tokens: agents scoped to groups, a
 * second channel, a second admin, and JWTs signed with a key the test generates. All such tests
 * share this one application.
 */
@TestPropertySource(
    properties = {
      "sessionflow.auth.token-list="
          + ScopedApiTestBase.AGENT_FIRST_LINE
          + ":AGENT:agent-8,"
          + ScopedApiTestBase.AGENT_TIER_2
          + ":AGENT:agent-9,"
          + ScopedApiTestBase.OTHER_CHANNEL
          + ":CHANNEL:channel-b,"
          + ScopedApiTestBase.SECOND_ADMIN
          + ":ADMIN:ops-bot,"
          + ScopedApiTestBase.AGENT_ASSIGNED
          + ":AGENT:agent-10",
      "sessionflow.auth.agents.agent-8.access=GROUPS",
      "sessionflow.auth.agents.agent-8.groups=first-line",
      "sessionflow.auth.agents.agent-9.access=GROUPS",
      "sessionflow.auth.agents.agent-9.groups=tier-2",
      "sessionflow.auth.agents.agent-10.access=ASSIGNED",
      // Agents whose token or JWT does not say; the development agents keep every ticket.
      "sessionflow.auth.agent-access=GROUPS",
      "sessionflow.auth.agents.agent-1.access=ALL",
      "sessionflow.auth.agents.agent-2.access=ALL",
      "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestJwts.ISSUER,
      "spring.security.oauth2.resourceserver.jwt.audiences=" + TestJwts.AUDIENCE
    })
public abstract class ScopedApiTestBase extends ApiTestBase {
  /** agent-8, scope GROUPS, group first-line. */
  static final String AGENT_FIRST_LINE = "t-agent-8-first-line";

  /** agent-9, scope GROUPS, group tier-2. */
  static final String AGENT_TIER_2 = "t-agent-9-tier-2";

  /** agent-10, scope ASSIGNED. */
  static final String AGENT_ASSIGNED = "t-agent-10-assigned";

  static final String OTHER_CHANNEL = "t-channel-b";
  static final String SECOND_ADMIN = "t-ops-bot";
  static final String OWNER_CHANNEL = ApiClient.CHANNEL;

  static final TestJwts JWTS = new TestJwts();

  @DynamicPropertySource
  static void jwtKey(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.public-key-location", JWTS::publicKeyLocation);
  }

  /** A conversation opened by the development channel, its ticket moved to {@code group}. */
  protected Chat chatInGroup(String group) {
    String c = newConversation();
    var opened = api.endUserSays(c, "m-1", "Hello");
    Chat chat = new Chat(c, opened.get("sessionId").asText(), opened.get("ticketId").asText(), "");
    var patched =
        api.patch(
                "/api/v1/tickets/" + chat.ticketId(),
                ApiClient.ADMIN,
                "{\"group\":\"" + group + "\"}")
            .expect(200)
            .json();
    return new Chat(
        c, chat.sessionId(), chat.ticketId(), patched.get("update").get("runId").asText());
  }

  protected record Chat(String conversationId, String sessionId, String ticketId, String runId) {}
}
