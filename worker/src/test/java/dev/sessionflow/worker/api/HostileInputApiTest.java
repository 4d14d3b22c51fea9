package dev.sessionflow.worker.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an attacker or a careless client sends: never a 500, and the limits hold exactly. */
class HostileInputApiTest extends ApiTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int localPort;

  @AfterEach
  void restore() {
    restoreDefaultSettings();
  }

  static String text(char c, int length) {
    return String.valueOf(c).repeat(length);
  }

  HttpResponse<String> raw(
      String method, String path, String token, String contentType, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + localPort + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aMalformedOrUnsupportedContentTypeIs415() throws Exception {
    for (String contentType :
        new String[] {
          "multipart/form-data", "text/plain", "application/x-www-form-urlencoded", "no-slash"
        }) {
      for (String[] call :
          new String[][] {
            {"/api/v1/macros", ApiClient.ADMIN},
            {"/api/v1/sessions/s-1/messages", ApiClient.AGENT_1},
            {"/api/v1/conversations/c-1/messages", ApiClient.CHANNEL}
          }) {
        String path = call[0];
        HttpResponse<String> r = raw("POST", path, call[1], contentType, "{}");
        assertThat(r.statusCode()).as(contentType + " " + path).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
            .startsWith("application/problem+json");
        assertThat(JSON.readTree(r.body()).get("type").asText())
            .endsWith("/unsupported-media-type");
      }
    }
    HttpResponse<String> put =
        raw("PUT", "/api/v1/settings/messaging", ApiClient.ADMIN, "multipart/form-data", "");
    assertThat(put.statusCode()).isEqualTo(415);
  }

  @Test
  void theLongestMacroIsStoredAndReadBackWhole() throws Exception {
    ObjectNode macro = JSON.createObjectNode().put("name", text('n', 200));
    ArrayNode actions = macro.putArray("actions");
    for (int i = 0; i < 20; i++) {
      actions
          .addObject()
          .put("type", "ADD_INTERNAL_NOTE")
          .put("value", text((char) ('a' + i), 4000));
    }
    JsonNode created =
        api.post("/api/v1/macros", ApiClient.ADMIN, macro.toString()).expect(201).json();
    JsonNode read =
        api.get("/api/v1/macros/" + created.get("macroId").asText(), ApiClient.ADMIN)
            .expect(200)
            .json();
    assertThat(read.get("name").asText()).isEqualTo(text('n', 200));
    assertThat(read.get("actions")).hasSize(20);
    assertThat(read.get("actions").get(19).get("value").asText()).isEqualTo(text('t', 4000));
  }

  @Test
  void theLongestTriggerIsStoredAndReadBackWhole() throws Exception {
    ObjectNode trigger = JSON.createObjectNode().put("name", text('n', 200)).put("enabled", false);
    ArrayNode all = trigger.putObject("conditions").putArray("all");
    for (int i = 0; i < 20; i++) {
      all.addObject().put("field", "group").put("operator", "IS").put("value", text('g', 128));
    }
    ArrayNode actions = trigger.putArray("actions");
    for (int i = 0; i < 20; i++) {
      actions.addObject().put("type", "SEND_MESSAGE").put("value", text((char) ('a' + i), 4000));
    }
    JsonNode created =
        api.post("/api/v1/triggers", ApiClient.ADMIN, trigger.toString()).expect(201).json();
    String id = created.get("triggerId").asText();
    try {
      JsonNode read = api.get("/api/v1/triggers/" + id, ApiClient.ADMIN).expect(200).json();
      assertThat(read.get("name").asText()).isEqualTo(text('n', 200));
      assertThat(read.get("conditions").get("all")).hasSize(20);
      assertThat(read.get("actions").get(19).get("value").asText()).isEqualTo(text('t', 4000));
    } finally {
      api.delete("/api/v1/triggers/" + id, ApiClient.ADMIN).expect(204);
    }
  }

  @Test
  void theLongestMessagesReasonAndGroupAreStoredAndReadBackWhole() throws Exception {
    String conversation = "c-" + text('x', 126);
    ObjectNode message =
        JSON.createObjectNode()
            .put("messageId", text('m', 128))
            .put("endUserId", text('u', 128))
            .put("endUserName", text('é', 256))
            .put("text", text('€', 16_384));
    JsonNode opened =
        api.post(
                "/api/v1/conversations/" + conversation + "/messages",
                ApiClient.CHANNEL,
                message.toString())
            .expect(202)
            .json();
    String session = opened.get("sessionId").asText();
    ObjectNode reply =
        JSON.createObjectNode().put("messageId", text('r', 128)).put("text", text('ü', 16_384));
    api.post("/api/v1/sessions/" + session + "/messages", ApiClient.AGENT_1, reply.toString())
        .expect(202);
    String ticket = opened.get("ticketId").asText();
    api.patch(
            "/api/v1/tickets/" + ticket,
            ApiClient.AGENT_1,
            JSON.createObjectNode().put("group", text('g', 128)).toString())
        .expect(200);
    api.post(
            "/api/v1/sessions/" + session + "/end",
            ApiClient.AGENT_1,
            JSON.createObjectNode().put("reason", text('R', 64)).toString())
        .expect(200);

    JsonNode transcript = api.transcript(conversation);
    assertThat(texts(transcript)).contains(text('€', 16_384), text('ü', 16_384));
    assertThat(api.session(session).get("endReason").asText()).isEqualTo(text('R', 64));
    JsonNode readTicket = api.get("/api/v1/tickets/" + ticket, ApiClient.ADMIN).expect(200).json();
    assertThat(readTicket.get("group").asText()).isEqualTo(text('g', 128));
  }

  @Test
  void theLongestSettingsAreStoredAndReadBackWhole() throws Exception {
    ObjectNode settings = (ObjectNode) JSON.readTree(DEFAULT_SETTINGS);
    settings.put("warningText", text('w', 1000)).put("endedNoticeText", text('e', 1000));
    ((ObjectNode) settings.get("csat")).put("question", text('q', 500));
    ObjectNode rules = ((ObjectNode) settings.get("settlement")).putObject("rules");
    for (int i = 0; i < 50; i++) {
      rules
          .putObject(String.format("%02d", i) + text('k', 62))
          .put("status", "PENDING")
          .put("group", text('g', 128));
    }
    ArrayNode hooks = settings.putArray("webhooks");
    for (int i = 0; i < 20; i++) {
      String prefix = "https://hooks.sessionflow.dev/" + String.format("%02d", i) + "/";
      hooks
          .addObject()
          .put("url", prefix + text('p', 2000 - prefix.length()))
          .put("secret", "whsec_" + text('A', 86) + "==")
          .putArray("events")
          .add("session.ended")
          .add("csat.sent")
          .add("csat.answered");
    }
    JsonNode saved =
        api.put("/api/v1/settings/messaging", ApiClient.ADMIN, settings.toString())
            .expect(200)
            .json();
    JsonNode read = api.get("/api/v1/settings/messaging", ApiClient.ADMIN).expect(200).json();
    for (JsonNode s : new JsonNode[] {saved, read}) {
      assertThat(s.get("warningText").asText()).isEqualTo(text('w', 1000));
      assertThat(s.get("endedNoticeText").asText()).isEqualTo(text('e', 1000));
      assertThat(s.get("csat").get("question").asText()).isEqualTo(text('q', 500));
      assertThat(s.get("settlement").get("rules")).hasSize(50);
      assertThat(s.get("webhooks")).hasSize(20);
      assertThat(s.get("webhooks").get(19).get("url").asText()).hasSize(2000);
    }
  }

  @Test
  void aLongNoteDoesNotJamTheMacroAndItsEndStillHappens() {
    ObjectNode macro = JSON.createObjectNode().put("name", "Escalate with a long note");
    ArrayNode actions = macro.putArray("actions");
    actions.addObject().put("type", "ADD_INTERNAL_NOTE").put("value", text('n', 2500));
    actions
        .addObject()
        .put("type", "END_SESSION")
        .put("reason", "ESCALATED")
        .put("sendCsat", false);
    String macroId =
        api.post("/api/v1/macros", ApiClient.ADMIN, macro.toString())
            .expect(201)
            .json()
            .get("macroId")
            .asText();
    String c = newConversation();
    JsonNode opened = api.endUserSays(c, "m-1", "Where is my refund");
    String ticket = opened.get("ticketId").asText();

    JsonNode run =
        api.post("/api/v1/tickets/" + ticket + "/macros/" + macroId, ApiClient.AGENT_1, null)
            .expect(200)
            .json();

    assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(
            StreamSupport.stream(run.get("results").spliterator(), false)
                .map(r -> r.get("type").asText() + ":" + r.get("outcome").asText()))
        .containsExactly("ADD_INTERNAL_NOTE:APPLIED", "END_SESSION:APPLIED");
    assertThat(api.session(opened.get("sessionId").asText()).get("status").asText())
        .isEqualTo("ENDED");
    JsonNode audit = api.get("/api/v1/tickets/" + ticket, ApiClient.ADMIN).expect(200).json();
    assertThat(
            StreamSupport.stream(audit.get("audit").spliterator(), false)
                .filter(e -> e.get("kind").asText().equals("INTERNAL_NOTE"))
                .map(e -> e.get("detail").asText()))
        .singleElement()
        .satisfies(d -> assertThat(d).endsWith(text('n', 2500)));
  }

  private static java.util.List<String> texts(JsonNode transcript) {
    return StreamSupport.stream(transcript.spliterator(), false)
        .map(m -> m.path("text").asText())
        .toList();
  }

  @Test
  void aValueOfTheWrongJsonTypeIsRefusedNotCoerced() throws Exception {
    HttpResponse<String> r =
        raw(
            "POST",
            "/api/v1/conversations/c-coerce/messages",
            ApiClient.CHANNEL,
            "application/json",
            "{\"messageId\":\"m-1\",\"endUserId\":\"u-1\",\"text\":false}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("type").asText()).endsWith("/validation");

    HttpResponse<String> rating =
        raw(
            "POST",
            "/api/v1/csat/no-such-survey",
            ApiClient.CHANNEL,
            "application/json",
            "{\"rating\":\"5\"}");
    assertThat(rating.statusCode()).isEqualTo(400);

    HttpResponse<String> byIndex =
        raw(
            "POST",
            "/api/v1/macros",
            ApiClient.ADMIN,
            "application/json",
            "{\"name\":\"m\",\"actions\":[{\"type\":0,\"value\":\"g\"}]}");
    assertThat(byIndex.statusCode()).isEqualTo(400);

    HttpResponse<String> fraction =
        raw(
            "POST",
            "/api/v1/triggers",
            ApiClient.ADMIN,
            "application/json",
            "{\"name\":\"t\",\"position\":2.5,\"conditions\":{\"all\":[{\"field\":\"group\","
                + "\"operator\":\"CHANGED\"}]},\"actions\":[{\"type\":\"SET_GROUP\",\"value\":\"g\"}]}");
    assertThat(fraction.statusCode()).isEqualTo(400);
  }

  @Test
  void requestsTheFirewallRefusesGetProblemsAndAnUnknownMethodIs405WithAllow() throws Exception {
    HttpResponse<String> query =
        raw("QUERY", "/api/v1/macros", ApiClient.ADMIN, "application/json", "{}");
    assertThat(query.statusCode()).isEqualTo(405);
    assertThat(query.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(query.headers().firstValue("Allow").orElse("")).contains("GET").contains("POST");

    HttpResponse<String> semicolon =
        raw("GET", "/api/v1/macros/a%3Bb", ApiClient.ADMIN, "application/json", "");
    assertThat(semicolon.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(semicolon.body()).get("type").asText()).endsWith("/validation");

    HttpResponse<String> patch =
        raw("PATCH", "/api/v1/macros", ApiClient.ADMIN, "application/json", "{}");
    assertThat(patch.statusCode()).isEqualTo(405);
    assertThat(patch.headers().firstValue("Allow").orElse("")).contains("GET");
  }

  static String disabledTrigger(String position) {
    return """
        {"name":"positions","enabled":false,%s
         "conditions":{"all":[{"field":"group","operator":"CHANGED"}]},
         "actions":[{"type":"SET_GROUP","value":"g"}]}"""
        .formatted(position == null ? "" : "\"position\":" + position + ",");
  }

  @Test
  void aTriggerAtTheLastPositionLeavesRoomForTheNext() {
    List<String> created = new ArrayList<>();
    try {
      api.post("/api/v1/triggers", ApiClient.ADMIN, disabledTrigger("2147483647"))
          .expectProblem(400, "validation");
      JsonNode last =
          api.post("/api/v1/triggers", ApiClient.ADMIN, disabledTrigger("1000000"))
              .expect(201)
              .json();
      created.add(last.get("triggerId").asText());
      JsonNode next =
          api.post("/api/v1/triggers", ApiClient.ADMIN, disabledTrigger(null)).expect(201).json();
      created.add(next.get("triggerId").asText());
      assertThat(next.get("position").asInt()).isEqualTo(1_000_000);
    } finally {
      created.forEach(id -> api.delete("/api/v1/triggers/" + id, ApiClient.ADMIN).expect(204));
    }
  }

  @Test
  void aWholeNumberWrittenWithAFractionIsWholeAndATrueFractionIsRefused() {
    JsonNode trigger =
        api.post("/api/v1/triggers", ApiClient.ADMIN, disabledTrigger("7.0")).expect(201).json();
    try {
      assertThat(trigger.get("position").asInt()).isEqualTo(7);
      api.post("/api/v1/triggers", ApiClient.ADMIN, disabledTrigger("7.5"))
          .expectProblem(400, "validation");
      api.post("/api/v1/triggers", ApiClient.ADMIN, disabledTrigger("1e400"))
          .expectProblem(400, "validation");
      api.put("/api/v1/settings/messaging", ApiClient.ADMIN, "{\"csat\":{\"scale\":5.0}}")
          .expect(200);
      api.put("/api/v1/settings/messaging", ApiClient.ADMIN, "{\"csat\":{\"scale\":5.5}}")
          .expectProblem(400, "validation");
    } finally {
      api.delete("/api/v1/triggers/" + trigger.get("triggerId").asText(), ApiClient.ADMIN)
          .expect(204);
    }
  }

  @Test
  void aQueryStringWithAnEmptyOrUndecodableParameterNameIs400OnEveryOperation() throws Exception {
    String c = newConversation();
    String sessionId = api.endUserSays(c, "m-1", "Hello").get("sessionId").asText();
    String[][] operations = {
      {"GET", "/api/v1/sessions", ApiClient.ADMIN},
      {"GET", "/api/v1/sessions/" + sessionId, ApiClient.AGENT_1},
      {"GET", "/api/v1/settings/messaging", ApiClient.ADMIN},
      {"POST", "/api/v1/sessions/" + sessionId + "/messages", ApiClient.AGENT_1},
      {"GET", "/api/v1/conversations/" + c + "/messages", ApiClient.CHANNEL},
      {"POST", "/api/v1/csat/no-such-token", null},
      {"GET", "/api/v1/sessions", null}
    };
    for (String query : new String[] {"?=x", "?=", "?a=1&=2", "?&=&"}) {
      for (String[] op : operations) {
        HttpResponse<String> response =
            raw(op[0], op[1] + query, op[2], "application/json", "{\"messageId\":\"x\"}");
        assertThat(response.statusCode()).as(op[0] + " " + op[1] + query).isEqualTo(400);
        assertThat(response.body()).as(op[1] + query).contains("/validation");
      }
    }
  }
}
