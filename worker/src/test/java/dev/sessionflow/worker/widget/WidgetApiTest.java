package dev.sessionflow.worker.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The widget's API as widget.js and the chat frame use it: visitors start only from allowed
 * origins, each reads and writes its own conversation and nothing else, verified visitors keep one
 * conversation across browsers, and the conversation shows replies, the end and the survey.
 */
class WidgetApiTest extends ApiTestBase {
  static final String SHOP = "https://shop.example.com";

  @Autowired JdbcClient jdbc;
  @Autowired ExpiredVisitors expired;

  @BeforeEach
  void allowTheShop() {
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"widget\": {\"allowedOrigins\": [\"" + SHOP + "\"]}}")
        .expect(200);
  }

  @AfterEach
  void restore() {
    restoreDefaultSettings();
  }

  private ApiClient.Response start(String origin, String body) {
    return api.post(
        "/api/v1/widget/visitors",
        null,
        body,
        origin == null ? Map.of() : Map.of("Origin", origin));
  }

  private JsonNode visitor() {
    return start(SHOP, "{}").expect(201).json();
  }

  private static String token(JsonNode visitor) {
    return visitor.get("visitorToken").asText();
  }

  private JsonNode view(JsonNode visitor) {
    return api.get("/api/v1/widget/conversation", token(visitor)).expect(200).json();
  }

  private void write(JsonNode visitor, String text) {
    api.post(
            "/api/v1/widget/conversation/messages",
            token(visitor),
            "{\"messageId\":\"%s\",\"text\":\"%s\"}"
                .formatted(UUID.randomUUID().toString().replace("-", ""), text))
        .expect(202);
  }

  @Test
  void onlyAllowedOriginsStartVisitors() throws Exception {
    start("https://elsewhere.example.com", "{}").expectProblem(403, "forbidden");
    start(null, "{}").expectProblem(403, "forbidden");
    assertThat(start("http://127.0.0.2:8080", "{}").status())
        .as("development mode allows loopback origins")
        .isEqualTo(201);

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> allowed = http.send(preflight(SHOP), HttpResponse.BodyHandlers.ofString());
    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(SHOP);
    HttpResponse<String> refused =
        http.send(preflight("https://elsewhere.example.com"), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> frame =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/widget/frame")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(frame.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("frame-ancestors " + SHOP + " http://localhost:*")
                    .contains("script-src 'self'"));
    assertThat(frame.headers().firstValue("X-Frame-Options")).isEmpty();
  }

  private HttpRequest preflight(String origin) {
    return HttpRequest.newBuilder(URI.create(base() + "/api/v1/widget/visitors"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .build();
  }

  @Test
  void aVisitorReadsAndWritesItsOwnConversationOnly() {
    JsonNode ana = visitor();
    JsonNode bob = visitor();
    assertThat(ana.get("conversationId")).isNotEqualTo(bob.get("conversationId"));
    assertThat(view(ana).get("status").asText()).isEqualTo("NEW");

    write(ana, "<b>Hello</b> from Ana");

    JsonNode anaView = view(ana);
    assertThat(anaView.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(anaView.at("/messages/0/text").asText()).isEqualTo("<b>Hello</b> from Ana");
    assertThat(view(bob).get("messages")).isEmpty();
    // The agent sees it where every conversation is.
    String conversation = ana.get("conversationId").asText();
    assertThat(
            api.get("/api/v1/conversations/" + conversation + "/messages", ApiClient.AGENT_1)
                .expect(200)
                .json()
                .at("/messages/0/text")
                .asText())
        .isEqualTo("<b>Hello</b> from Ana");

    // The visitor's token is for the widget's endpoints and nothing else.
    api.get("/api/v1/conversations/" + conversation + "/messages", token(ana))
        .expectProblem(403, "forbidden");
    api.post(
            "/api/v1/conversations/" + conversation + "/messages",
            token(ana),
            "{\"messageId\":\"m-x\",\"endUserId\":\"u\",\"text\":\"x\"}")
        .expectProblem(403, "forbidden");
    api.get("/api/v1/sessions/" + anaView.get("sessionId").asText(), token(bob))
        .expectProblem(403, "forbidden");
    api.get("/api/v1/widget/conversation", "sfv_not-a-visitor").expectProblem(401, "unauthorized");
    api.get("/api/v1/widget/conversation", ApiClient.CHANNEL).expectProblem(403, "forbidden");
  }

  @Test
  void theVisitorSeesTheReplyTheEndAndRatesInPlace() {
    JsonNode ana = visitor();
    write(ana, "My order is late");
    String sessionId = view(ana).get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, sessionId, "a-" + UUID.randomUUID(), "On its way");
    api.post("/api/v1/sessions/" + sessionId + "/end", ApiClient.AGENT_1, "{}").expect(200);

    ApiClient.await(
        Duration.ofSeconds(20),
        () -> view(ana).path("messages").findValues("kind").toString().contains("SURVEY"));
    JsonNode ended = view(ana);
    assertThat(ended.get("status").asText()).isEqualTo("ENDED");
    assertThat(ended.get("messages").findValuesAsText("author")).contains("AGENT");
    assertThat(ended.get("messages").findValuesAsText("kind")).contains("ENDED", "SURVEY");
    JsonNode survey = ended.get("messages").findParent("survey").get("survey");
    assertThat(survey.get("status").asText()).isEqualTo("SENT");
    assertThat(survey.get("scale").asInt()).isEqualTo(5);

    api.post("/api/v1/csat/" + survey.get("surveyToken").asText(), null, "{\"rating\":4}")
        .expect(200);
    JsonNode answered = view(ana).get("messages").findParent("survey").get("survey");
    assertThat(answered.get("status").asText()).isEqualTo("ANSWERED");
    assertThat(answered.get("rating").asInt()).isEqualTo(4);
    api.post("/api/v1/widget/conversation/end", token(ana), null)
        .expectProblem(409, "session-ended");
  }

  @Test
  void endChatLetsTheVisitorLeave() {
    JsonNode ana = visitor();
    write(ana, "Never mind");
    JsonNode ended =
        api.post("/api/v1/widget/conversation/end", token(ana), null).expect(200).json();
    assertThat(ended.get("endedBy").asText()).isEqualTo("END_USER");
    assertThat(view(ana).get("status").asText()).isEqualTo("ENDED");

    write(ana, "Actually, one more thing");
    assertThat(view(ana).get("status").asText())
        .as("a new message opens a new session")
        .isEqualTo("ACTIVE");
  }

  @Test
  void theStreamSendsTheConversationAsItChanges() throws Exception {
    JsonNode ana = visitor();
    write(ana, "Streaming hello");
    HttpRequest stream =
        HttpRequest.newBuilder(URI.create(base() + "/api/v1/widget/conversation/stream"))
            .header("Authorization", "Bearer " + token(ana))
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<java.util.stream.Stream<String>> response =
        HttpClient.newHttpClient().send(stream, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    String data =
        response
            .body()
            .filter(line -> line.startsWith("data:"))
            .findFirst()
            .orElseThrow()
            .substring("data:".length());
    assertThat(data).contains("Streaming hello").contains("\"status\":\"ACTIVE\"");
    response.body().close();
  }

  @Test
  void verifiedVisitorsKeepOneConversationFromAnyBrowser() {
    JsonNode key = api.post("/api/v1/widget/keys", ApiClient.ADMIN, null).expect(201).json();
    String kid = key.get("kid").asText();
    String secret = key.get("secret").asText();
    String person = "customer-" + UUID.randomUUID();

    JsonNode phone =
        start(SHOP, jwt(WidgetTokens.sign(kid, secret, person, Duration.ofHours(1))))
            .expect(201)
            .json();
    JsonNode laptop =
        start(SHOP, jwt(WidgetTokens.sign(kid, secret, person, Duration.ofHours(1))))
            .expect(201)
            .json();
    assertThat(phone.get("verified").asBoolean()).isTrue();
    assertThat(laptop.get("conversationId")).isEqualTo(phone.get("conversationId"));
    write(phone, "Written on the phone");
    assertThat(view(laptop).at("/messages/0/text").asText()).isEqualTo("Written on the phone");

    start(SHOP, jwt(WidgetTokens.sign(kid, secret, person, Duration.ofSeconds(-5))))
        .expectProblem(401, "unauthorized");
    start(SHOP, jwt(WidgetTokens.sign(kid, secret, person, Duration.ofHours(25))))
        .expectProblem(401, "unauthorized");
    start(SHOP, jwt(WidgetTokens.sign(kid, "wksec_" + "x".repeat(43), person, Duration.ofHours(1))))
        .expectProblem(401, "unauthorized");
    start(SHOP, jwt("not.a.jwt")).expectProblem(401, "unauthorized");
    String later =
        WidgetTokens.sign(
            kid, secret, person, Duration.ofHours(2), java.time.Instant.now().plusSeconds(3600));
    start(SHOP, jwt(later)).expectProblem(401, "unauthorized");

    // Listed without its secret, which is stored encrypted; revoked, it signs no more.
    JsonNode keys = api.get("/api/v1/widget/keys", ApiClient.ADMIN).expect(200).json();
    assertThat(keys.findValuesAsText("kid")).contains(kid);
    assertThat(keys.toString()).doesNotContain(secret);
    String stored =
        jdbc.sql("select secret from widget_keys where kid = :kid")
            .param("kid", kid)
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain(secret).startsWith("aesgcm:");
    api.delete("/api/v1/widget/keys/" + kid, ApiClient.ADMIN).expect(204);
    start(SHOP, jwt(WidgetTokens.sign(kid, secret, person, Duration.ofHours(1))))
        .expectProblem(401, "unauthorized");
    api.delete("/api/v1/widget/keys/wk-unknown", ApiClient.ADMIN).expectProblem(404, "not-found");
  }

  private static String jwt(String token) {
    return "{\"jwt\":\"" + token + "\"}";
  }

  @Test
  void anExpiredVisitorIsRefusedThenForgotten() {
    JsonNode ana = visitor();
    jdbc.sql(
            "update widget_visitors set expires_at = expires_at - interval '40' day"
                + " where conversation_id = :c")
        .param("c", ana.get("conversationId").asText())
        .update();
    api.get("/api/v1/widget/conversation", token(ana)).expectProblem(401, "unauthorized");
    assertThat(expired.purge()).isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from widget_visitors where conversation_id = :c")
                .param("c", ana.get("conversationId").asText())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aVisitorTokenThatCannotBeCheckedIs503NotA500() {
    JsonNode ana = visitor();
    jdbc.sql("alter table widget_visitors rename to widget_visitors_away").update();
    try {
      api.get("/api/v1/widget/conversation", token(ana)).expectProblem(503, "unavailable");
    } finally {
      jdbc.sql("alter table widget_visitors_away rename to widget_visitors").update();
    }
    api.get("/api/v1/widget/conversation", token(ana)).expect(200);
  }

  @Test
  void allowedOriginsAreCheckedAndShown() {
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"widget\": {\"allowedOrigins\": [\"https://shop.example.com/path\"]}}")
        .expectProblem(400, "validation");
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"widget\": {\"allowedOrigins\": [\"HTTPS://Shop.example.com\"]}}")
        .expectProblem(400, "validation");
    api.put("/api/v1/settings/messaging", ApiClient.ADMIN, "{\"widget\": {\"colour\": \"red\"}}")
        .expectProblem(400, "validation");
    assertThat(
            api.get("/api/v1/settings/messaging", ApiClient.AGENT_1)
                .expect(200)
                .json()
                .at("/widget/allowedOrigins/0")
                .asText())
        .isEqualTo(SHOP);
  }
}
