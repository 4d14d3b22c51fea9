package dev.sessionflow.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsApiTest extends ApiTestBase {

  @AfterEach
  void restoreDefaults() {
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"agentsCanEndSessions\":true,\"inactiveAfter\":\"PT10M\","
                + "\"autoCloseAfter\":\"PT30M\",\"warnBeforeClose\":\"PT2M\"}")
        .expect(200);
  }

  @Test
  void readsTheDefaults() {
    JsonNode settings = api.get("/api/v1/settings/messaging", ApiClient.AGENT_1).expect(200).json();
    assertThat(settings.get("agentsCanEndSessions").asBoolean()).isTrue();
    assertThat(settings.get("inactiveAfter").asText()).isEqualTo("PT10M");
    assertThat(settings.get("autoCloseAfter").asText()).isEqualTo("PT30M");
    assertThat(settings.get("warnBeforeClose").asText()).isEqualTo("PT2M");
    assertThat(settings.get("warningText").asText()).isNotBlank();
  }

  @Test
  void updatesPartiallyAndTurnsTimersOff() {
    JsonNode updated =
        api.put(
                "/api/v1/settings/messaging",
                ApiClient.ADMIN,
                "{\"inactiveAfter\":\"PT5M\",\"autoCloseAfter\":null,\"warnBeforeClose\":null,"
                    + "\"warningText\":\"Still there?\"}")
            .expect(200)
            .json();
    assertThat(updated.get("inactiveAfter").asText()).isEqualTo("PT5M");
    assertThat(updated.get("autoCloseAfter").isNull()).isTrue();
    assertThat(updated.get("warnBeforeClose").isNull()).isTrue();
    assertThat(updated.get("warningText").asText()).isEqualTo("Still there?");
    assertThat(updated.get("agentsCanEndSessions").asBoolean()).isTrue();
  }

  @Test
  void twoAdminsSavingAtOnceGetOneConflictNotASilentOverwrite() {
    String path = "/api/v1/settings/messaging";
    String read = api.get(path, ApiClient.ADMIN).expect(200).etag();
    assertThat(read).as("GET answers the settings' version as ETag").matches("\"\\d+\"");

    // Both admins saw the same version and save different changes at the same moment.
    List<ApiClient.Response> saves =
        concurrently(
            i ->
                api.put(
                    path,
                    ApiClient.ADMIN,
                    i == 0 ? "{\"warningText\":\"Admin A\"}" : "{\"warningText\":\"Admin B\"}",
                    read));

    assertThat(saves).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(200, 409);
    ApiClient.Response won = saves.stream().filter(r -> r.status() == 200).findFirst().get();
    ApiClient.Response lost = saves.stream().filter(r -> r.status() == 409).findFirst().get();
    lost.expectProblem(409, "conflict");
    assertThat(won.etag()).isNotEqualTo(read);
    JsonNode now = api.get(path, ApiClient.ADMIN).expect(200).json();
    assertThat(now.get("warningText").asText()).isEqualTo(won.json().get("warningText").asText());

    // The one who lost reads again and reapplies against the new version.
    String fresh = api.get(path, ApiClient.ADMIN).etag();
    assertThat(fresh).isEqualTo(won.etag());
    api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":\"PT9M\"}", fresh).expect(200);
    api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":\"PT8M\"}", fresh)
        .expectProblem(409, "conflict");
  }

  @Test
  void aSaveWithoutIfMatchStillAppliesAndMovesTheVersion() {
    String path = "/api/v1/settings/messaging";
    ApiClient.Response before = api.get(path, ApiClient.ADMIN).expect(200);
    ApiClient.Response saved =
        api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":\"PT7M\"}").expect(200);
    long version = before.json().get("version").asLong();
    assertThat(saved.json().get("version").asLong()).isEqualTo(version + 1);
    assertThat(saved.etag()).isEqualTo("\"" + (version + 1) + "\"");
    api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":\"PT6M\"}", "*").expect(200);
    api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":\"PT6M\"}", "W/\"1\"")
        .expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":\"PT6M\"}", "yesterday")
        .expectProblem(400, "validation");
  }

  private static <T> List<T> concurrently(java.util.function.IntFunction<T> call) {
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return call.apply(index);
                }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void rejectsInvalidSettings() {
    String path = "/api/v1/settings/messaging";
    api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":\"PT0.5S\"}")
        .expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":\"-PT5M\"}")
        .expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":\"ten minutes\"}")
        .expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":null}").expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "{\"agentsCanEndSessions\":\"yes\"}")
        .expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "{\"autoCloseAfter\":\"PT1M\",\"warnBeforeClose\":\"PT2M\"}")
        .expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "{\"colour\":\"blue\"}").expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "[1,2").expectProblem(400, "validation");
    api.put(path, ApiClient.AGENT_1, "{\"inactiveAfter\":\"PT5M\"}")
        .expectProblem(403, "forbidden");
  }

  /** A body that is JSON but does not fit names the field to fix, as the store's checks do. */
  @Test
  void aMisfitBodyNamesItsField() {
    String path = "/api/v1/settings/messaging";
    assertThat(refusedFields(path, "{\"colour\":\"blue\"}")).containsExactly("colour");
    assertThat(refusedFields(path, "{\"csat\":{\"scale\":\"5\"}}")).containsExactly("csat.scale");
    assertThat(refusedFields(path, "{\"csat\":{\"tone\":1}}")).containsExactly("csat.tone");
    assertThat(refusedFields(path, "{\"warningText\":null}")).containsExactly("warningText");
    assertThat(refusedFields(path, "{\"widget\":{\"allowedOrigins\":[\"https://a.example\",5]}}"))
        .containsExactly("widget.allowedOrigins[1]");
    assertThat(refusedFields(path, "{\"webhooks\":[{\"url\":\"https://a.example\"}]}"))
        .containsExactlyInAnyOrder("webhooks[0].events", "webhooks[0].secret");
    assertThat(refusedFields(path, "{\"settlement\":{\"rules\":{\"ESCALATED\":{}}}}"))
        .containsExactly("settlement.rules.ESCALATED.status");
    assertThat(refusedFields(path, "{\"inactiveAfter\":null}")).containsExactly("inactiveAfter");
    assertThat(api.get(path, ApiClient.ADMIN).json().get("inactiveAfter").asText()).isNotEmpty();
  }

  private List<String> refusedFields(String path, String body) {
    List<String> fields = new ArrayList<>();
    api.put(path, ApiClient.ADMIN, body)
        .expectProblem(400, "validation")
        .json()
        .get("errors")
        .fieldNames()
        .forEachRemaining(fields::add);
    return fields;
  }

  @Test
  void agentsCannotEndSessionsWhileTheSettingIsOff() {
    api.put("/api/v1/settings/messaging", ApiClient.ADMIN, "{\"agentsCanEndSessions\":false}")
        .expect(200);
    String s = api.endUserSays(newConversation(), "m-1", "Hi").get("sessionId").asText();

    api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, null)
        .expectProblem(403, "agent-end-disabled");
    // Checked before the session's state: even an unknown session answers 403.
    api.post("/api/v1/sessions/nope/end", ApiClient.AGENT_1, null)
        .expectProblem(403, "agent-end-disabled");
    assertThat(api.session(s).get("status").asText()).isEqualTo("ACTIVE");
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.ADMIN, null).expect(200);

    // Turned on again: the next agent's end reads the new setting, not the one it read last.
    api.put("/api/v1/settings/messaging", ApiClient.ADMIN, "{\"agentsCanEndSessions\":true}")
        .expect(200);
    String next = api.endUserSays(newConversation(), "m-1", "Hi").get("sessionId").asText();
    api.post("/api/v1/sessions/" + next + "/end", ApiClient.AGENT_1, null).expect(200);
  }

  @Test
  void twoAdminsPartialSavesOfDifferentKeysBothHold() throws Exception {
    String[] statuses = {"SOLVED", "PENDING"};
    for (int round = 0; round < 30; round++) {
      String question = "How did we do, round " + round + "?";
      String status = statuses[round % 2];
      var start = new java.util.concurrent.CountDownLatch(1);
      try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
        var csat =
            pool.submit(
                () -> {
                  start.await();
                  return api.put(
                          "/api/v1/settings/messaging",
                          ApiClient.ADMIN,
                          "{\"csat\": {\"question\": \"" + question + "\"}}")
                      .status();
                });
        var settlement =
            pool.submit(
                () -> {
                  start.await();
                  return api.put(
                          "/api/v1/settings/messaging",
                          ApiClient.ADMIN,
                          "{\"settlement\": {\"default\": \"" + status + "\"}}")
                      .status();
                });
        start.countDown();
        assertThat(csat.get()).isEqualTo(200);
        assertThat(settlement.get()).isEqualTo(200);
      }
      var saved = api.get("/api/v1/settings/messaging", ApiClient.ADMIN).expect(200).json();
      assertThat(saved.get("csat").get("question").asText())
          .as("round " + round)
          .isEqualTo(question);
      assertThat(saved.get("settlement").get("defaultStatus").asText())
          .as("round " + round)
          .isEqualTo(status);
    }
  }

  @Test
  void agentsDoNotSeeWebhookUrls() {
    String url = "http://127.0.0.1:9/hook?token=receiver-secret";
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"webhooks\": [{\"url\": \""
                + url
                + "\", \"secret\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\","
                + " \"events\": [\"session.ended\"]}]}")
        .expect(200);
    assertThat(api.get("/api/v1/settings/messaging", ApiClient.ADMIN).expect(200).body())
        .contains("receiver-secret");
    assertThat(api.get("/api/v1/settings/messaging", ApiClient.AGENT_1).expect(200).body())
        .doesNotContain("receiver-secret")
        .doesNotContain("127.0.0.1:9");
  }
}
