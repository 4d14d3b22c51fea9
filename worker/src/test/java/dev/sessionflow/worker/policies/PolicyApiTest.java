package dev.sessionflow.worker.policies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin policies of PUT /api/v1/settings/messaging, through the HTTP API. */
class PolicyApiTest extends ApiTestBase {
  private static final String SETTINGS = "/api/v1/settings/messaging";

  @AfterEach
  void restore() {
    restoreDefaultSettings();
  }

  private void put(String json) {
    api.put(SETTINGS, ApiClient.ADMIN, json).expect(200);
  }

  private String agentWaitsOnEndUser(String conversation) {
    String s = api.endUserSays(conversation, "m-1", "Hi").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, s, "a-1", "Anything else?");
    return s;
  }

  private JsonNode awaitEnded(String sessionId) {
    ApiClient.await(
        Duration.ofSeconds(30),
        () -> "ENDED".equals(api.session(sessionId).path("status").asText()));
    return api.session(sessionId);
  }

  private JsonNode awaitSettled(String ticketId) {
    ApiClient.await(
        Duration.ofSeconds(20),
        () ->
            !api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN)
                .json()
                .path("settledAt")
                .isNull());
    return api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN).json();
  }

  @Test
  void invalidPoliciesAreRejected() {
    api.put(SETTINGS, ApiClient.ADMIN, "{\"csat\": {\"expiresAfter\": \"-PT1H\"}}")
        .expectProblem(400, "validation");
    api.put(SETTINGS, ApiClient.ADMIN, "{\"settlement\": {\"default\": \"DONE\"}}")
        .expectProblem(400, "validation");
    api.put(
            SETTINGS,
            ApiClient.ADMIN,
            "{\"settlement\": {\"rules\": {\"INACTIVITY\": {\"status\": \"CLOSED\"}}}}")
        .expectProblem(400, "validation");
    api.put(SETTINGS, ApiClient.ADMIN, "{\"csat\": {\"scale\": 11}}")
        .expectProblem(400, "validation");
    api.put(SETTINGS, ApiClient.ADMIN, "{\"csat\": {\"sendWhenEndedBy\": [\"ROBOT\"]}}")
        .expectProblem(400, "validation");
    api.put(SETTINGS, ApiClient.ADMIN, "{\"csat\": {\"minEndUserMessages\": -1}}")
        .expectProblem(400, "validation");
    api.put(
            SETTINGS,
            ApiClient.ADMIN,
            "{\"webhooks\": [{\"url\": \"ftp://x\", \"secret\": \"0123456789abcdef\","
                + " \"events\": [\"session.ended\"]}]}")
        .expectProblem(400, "validation");
    api.put(
            SETTINGS,
            ApiClient.ADMIN,
            "{\"webhooks\": [{\"url\": \"http://127.0.0.1/x\", \"secret\": \"short\","
                + " \"events\": [\"session.ended\"]}]}")
        .expectProblem(400, "validation");
    assertThat(api.get(SETTINGS, ApiClient.ADMIN).json().get("csat").get("scale").asInt())
        .as("nothing applied")
        .isEqualTo(5);
  }

  @Test
  void autoClosedSessionsGetASurveyOnlyWhenThePolicySaysSo() {
    put("{\"inactiveAfter\": \"PT1M\", \"autoCloseAfter\": \"PT2S\", \"warnBeforeClose\": null}");
    String skipped = agentWaitsOnEndUser(newConversation());
    assertThat(awaitEnded(skipped).get("csat").get("status").asText()).isEqualTo("SKIPPED");

    put("{\"csat\": {\"sendWhenEndedBy\": [\"AGENT\", \"ADMIN\", \"SYSTEM\"]}}");
    String surveyed = agentWaitsOnEndUser(newConversation());
    awaitEnded(surveyed);
    ApiClient.await(
        Duration.ofSeconds(10),
        () -> "SENT".equals(api.session(surveyed).path("csat").path("status").asText()));
  }

  @Test
  void minimumInteractionAndTheQuestionAndScaleOfTheSurvey() {
    put("{\"csat\": {\"requireAgentReply\": true, \"question\": \"Did we help?\", \"scale\": 10}}");
    String silent = api.endUserSays(newConversation(), "m-1", "Hi").get("sessionId").asText();
    api.post("/api/v1/sessions/" + silent + "/end", ApiClient.AGENT_1, null).expect(200);
    assertThat(api.session(silent).get("csat").get("status").asText()).isEqualTo("SKIPPED");

    String c = newConversation();
    String helped = agentWaitsOnEndUser(c);
    api.post("/api/v1/sessions/" + helped + "/end", ApiClient.AGENT_1, null).expect(200);
    ApiClient.await(
        Duration.ofSeconds(10),
        () -> "SENT".equals(api.session(helped).path("csat").path("status").asText()));
    JsonNode invitation = api.invitation(c);
    assertThat(invitation.get("text").asText()).startsWith("Did we help?").contains("to 10");
    String token = invitation.get("surveyToken").asText();
    api.post("/api/v1/csat/" + token, null, "{\"rating\": 9}").expect(200);
    assertThat(api.session(helped).get("csat").get("rating").asInt()).isEqualTo(9);
  }

  @Test
  void settlementFollowsTheEndReasonAndWhoEnded() {
    put(
        """
        {"inactiveAfter": "PT1M", "autoCloseAfter": "PT2S", "warnBeforeClose": null,
         "settlement": {"default": "SOLVED", "rules": {
            "INACTIVITY": {"status": "PENDING", "group": "follow-up"},
            "END_USER": {"status": "OPEN"}}}}
        """);
    String idle = agentWaitsOnEndUser(newConversation());
    JsonNode idleTicket = awaitSettled(awaitEnded(idle).get("ticketId").asText());
    assertThat(idleTicket.get("status").asText()).isEqualTo("PENDING");
    assertThat(idleTicket.get("group").asText()).isEqualTo("follow-up");

    String left = api.endUserSays(newConversation(), "m-1", "Hi").get("sessionId").asText();
    api.post("/api/v1/sessions/" + left + "/end", ApiClient.CHANNEL, null).expect(200);
    assertThat(awaitSettled(api.session(left).get("ticketId").asText()).get("status").asText())
        .isEqualTo("OPEN");

    String solved = api.endUserSays(newConversation(), "m-1", "Hi").get("sessionId").asText();
    api.post("/api/v1/sessions/" + solved + "/end", ApiClient.AGENT_1, null).expect(200);
    assertThat(awaitSettled(api.session(solved).get("ticketId").asText()).get("status").asText())
        .isEqualTo("SOLVED");
  }

  @Test
  void aMessageInTheReopenWindowKeepsTheTicketAndWithdrawsTheSurvey() {
    put("{\"reopenWithin\": \"PT5M\"}");
    String c = newConversation();
    JsonNode first = api.endUserSays(c, "m-1", "Hi");
    String s = first.get("sessionId").asText();
    String ticketId = first.get("ticketId").asText();
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, null).expect(200);
    awaitSettled(ticketId);
    ApiClient.await(
        Duration.ofSeconds(10),
        () -> "SENT".equals(api.session(s).path("csat").path("status").asText()));
    String token = api.invitation(c).get("surveyToken").asText();

    JsonNode again = api.endUserSays(c, "m-2", "Sorry, one more thing");

    assertThat(again.get("newSession").asBoolean()).isFalse();
    assertThat(again.get("sessionId").asText()).isEqualTo(s);
    assertThat(again.get("ticketId").asText()).isEqualTo(ticketId);
    assertThat(api.session(s).get("status").asText()).isEqualTo("ACTIVE");
    assertThat(
            api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN).json().get("status").asText())
        .isEqualTo("OPEN");
    api.post("/api/v1/csat/" + token, null, "{\"rating\": 5}").expectProblem(410, "survey-expired");

    api.agentSays(ApiClient.AGENT_1, s, "a-2", "Of course");
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, null).expect(200);
    ApiClient.await(
        Duration.ofSeconds(20),
        () ->
            "SOLVED"
                .equals(
                    api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN)
                        .json()
                        .path("status")
                        .asText()));
    JsonNode audit = api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN).json().get("audit");
    assertThat(audit.findValuesAsText("kind"))
        .containsSubsequence("OPENED", "SETTLED", "REOPENED-1", "SETTLED-1");
    assertThat(
            StreamSupport.stream(api.transcript(c).spliterator(), false)
                .filter(m -> "CSAT_INVITATION".equals(m.path("kind").asText())))
        .as("one survey per session")
        .hasSize(1);
  }

  @Test
  void withoutAReopenWindowANewMessageOpensANewSession() {
    String c = newConversation();
    String s = api.endUserSays(c, "m-1", "Hi").get("sessionId").asText();
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, null).expect(200);
    assertThat(api.endUserSays(c, "m-2", "Again").get("newSession").asBoolean()).isTrue();
  }

  @Test
  void aSettingsChangeShortensTheTimerOfASessionAlreadyRunning() {
    put("{\"inactiveAfter\": \"PT1H\", \"autoCloseAfter\": \"PT1H\", \"warnBeforeClose\": null}");
    String running = agentWaitsOnEndUser(newConversation());

    put("{\"autoCloseAfter\": \"PT3S\"}");

    JsonNode ended = awaitEnded(running);
    assertThat(ended.get("endReason").asText()).isEqualTo("INACTIVITY");
  }

  @Test
  void aWebhookThatFailsFiveTimesGetsEachEventOnceSigned() {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    try (WebhookReceiver receiver = new WebhookReceiver(secret, 5)) {
      put(
          """
          {"webhooks": [{"url": "%s", "secret": "%s",
                         "events": ["session.ended", "csat.sent", "csat.answered"]}]}
          """
              .formatted(receiver.url(), secret));
      JsonNode settings = api.get(SETTINGS, ApiClient.ADMIN).json();
      assertThat(settings.get("webhooks").get(0).has("secret")).isFalse();

      String c = newConversation();
      String s = agentWaitsOnEndUser(c);
      api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, null).expect(200);
      ApiClient.await(
          Duration.ofSeconds(10),
          () -> "SENT".equals(api.session(s).path("csat").path("status").asText()));
      String token = api.invitation(c).get("surveyToken").asText();
      api.post("/api/v1/csat/" + token, null, "{\"rating\": 4}").expect(200);

      ApiClient.await(Duration.ofSeconds(60), () -> receiver.accepted.size() >= 3);
      assertThat(receiver.accepted)
          .extracting(WebhookReceiver.Delivery::eventId)
          .containsExactlyInAnyOrder("session.ended:" + s, "csat.sent:" + s, "csat.answered:" + s);
      assertThat(receiver.accepted)
          .allSatisfy(
              d -> {
                assertThat(d.verifies(secret)).isTrue();
                assertThat(d.legacyHeaders()).as("the replayable legacy signature").isFalse();
              });
      assertThat(receiver.requests.get()).isEqualTo(8);
      assertThat(receiver.accepted)
          .filteredOn(d -> d.type().equals("csat.answered"))
          .singleElement()
          .satisfies(d -> assertThat(d.body()).contains("\"rating\":4"));
    }
  }
}
