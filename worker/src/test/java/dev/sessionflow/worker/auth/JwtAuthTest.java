package dev.sessionflow.worker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JWTs from the OIDC provider: the claims make the caller; anything not quite right is 401. */
class JwtAuthTest extends ScopedApiTestBase {

  private static Map<String, Object> roles(String... roles) {
    return Map.of("realm_access", Map.of("roles", List.of(roles)));
  }

  private static final Map<String, Object> ADMIN_CLAIMS = roles("offline_access", "admin");

  @Test
  void aValidTokenMakesTheCallerFromItsClaims() {
    String admin = JWTS.sign("alice-subject", ADMIN_CLAIMS);
    api.get("/api/v1/settings/messaging", admin).expect(200);

    // Keycloak's defaults: realm roles, preferred_username, groups (full paths), ticket_access.
    Chat chat = chatInGroup("tier-2");
    String tier2 =
        JWTS.sign(
            "bob-subject",
            Map.of(
                "realm_access",
                Map.of("roles", List.of("AGENT")),
                "preferred_username",
                "bob",
                "groups",
                List.of("/support/tier-2"),
                "ticket_access",
                "GROUPS"));
    String firstLine =
        JWTS.sign(
            "carol-subject",
            Map.of(
                "realm_access",
                Map.of("roles", List.of("agent")),
                "preferred_username",
                "carol",
                "groups",
                List.of("/support/first-line"),
                "ticket_access",
                "GROUPS"));
    api.get("/api/v1/tickets/" + chat.ticketId(), tier2).expect(200);
    api.get("/api/v1/tickets/" + chat.ticketId(), firstLine).expectProblem(404, "not-found");
    api.put("/api/v1/settings/messaging", tier2, "{}").expectProblem(403, "forbidden");

    api.agentSays(tier2, chat.sessionId(), "a-1", "Hi, Bob here");
    assertThat(api.session(chat.sessionId()).get("assignedAgentId").asText()).isEqualTo("bob");
  }

  @Test
  void aTokenWithoutExpiryIs401() {
    api.get("/api/v1/settings/messaging", JWTS.signWithoutExpiry("alice-subject", ADMIN_CLAIMS))
        .expectProblem(401, "unauthorized");
  }

  @Test
  void anAgentTokenWithoutTicketAccessGetsTheConfiguredDefault() {
    Chat elsewhere = chatInGroup("first-line");
    api.agentSays(ApiClient.AGENT_1, elsewhere.sessionId(), "a-1", "agent-1's");
    String dave =
        JWTS.sign(
            "dave-subject",
            Map.of(
                "realm_access", Map.of("roles", List.of("AGENT")), "preferred_username", "dave"));
    // The tests' default is GROUPS (sessionflow.auth.agent-access), and dave has no groups.
    api.get("/api/v1/sessions/" + elsewhere.sessionId(), dave).expectProblem(404, "not-found");
  }

  @Test
  void anExpiredTokenIs401() {
    String expired =
        JWTS.sign(
            "alice",
            ADMIN_CLAIMS,
            TestJwts.ISSUER,
            TestJwts.AUDIENCE,
            Instant.now().minusSeconds(300));
    api.get("/api/v1/settings/messaging", expired).expectProblem(401, "unauthorized");
  }

  @Test
  void anotherIssuerIs401() {
    String foreign =
        JWTS.sign(
            "alice",
            ADMIN_CLAIMS,
            "https://login.example.test/realms/other",
            TestJwts.AUDIENCE,
            Instant.now().plusSeconds(300));
    api.get("/api/v1/settings/messaging", foreign).expectProblem(401, "unauthorized");
  }

  @Test
  void anotherAudienceIs401() {
    String elsewhere =
        JWTS.sign(
            "alice",
            ADMIN_CLAIMS,
            TestJwts.ISSUER,
            "another-service",
            Instant.now().plusSeconds(300));
    api.get("/api/v1/settings/messaging", elsewhere).expectProblem(401, "unauthorized");
  }

  @Test
  void aTokenWithoutARoleIs401() {
    String roleless = JWTS.sign("alice", Map.of("realm_access", Map.of("roles", List.of("user"))));
    api.get("/api/v1/settings/messaging", roleless).expectProblem(401, "unauthorized");
    String noClaim = JWTS.sign("alice", Map.of());
    api.get("/api/v1/settings/messaging", noClaim).expectProblem(401, "unauthorized");
  }

  @Test
  void aTamperedTokenIs401() {
    String token =
        JWTS.sign(
            "alice",
            Map.of("realm_access", Map.of("roles", List.of("AGENT")), "preferred_username", "al"));
    api.get("/api/v1/settings/messaging", token).expect(200);
    String[] parts = token.split("\\.");
    // The same header and signature over a payload that now claims ADMIN.
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                    .replace("\"AGENT\"", "\"ADMIN\"")
                    .getBytes());
    String tampered = parts[0] + "." + forged + "." + parts[2];
    api.put("/api/v1/settings/messaging", tampered, "{}").expectProblem(401, "unauthorized");
  }
}
