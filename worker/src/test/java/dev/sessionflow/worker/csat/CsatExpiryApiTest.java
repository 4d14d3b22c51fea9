package dev.sessionflow.worker.csat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Surveys that expire after two seconds instead of fourteen days. */
class CsatExpiryApiTest extends ApiTestBase {

  @AfterEach
  void restore() {
    restoreDefaultSettings();
  }

  @Test
  void anExpiredSurveyIsGone() throws InterruptedException {
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"csat\": {\"expiresAfter\": \"PT2S\"}}")
        .expect(200);
    String token = CsatApiTest.surveyTokenAfterAgentEnd(api, newConversation());
    Thread.sleep(2_500);
    api.post("/api/v1/csat/" + token, null, "{\"rating\":5}").expectProblem(410, "survey-expired");
  }
}
