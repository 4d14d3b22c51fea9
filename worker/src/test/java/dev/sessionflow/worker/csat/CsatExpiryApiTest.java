package dev.sessionflow.worker.csat;

import dev.sessionflow.worker.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Surveys that expire after two seconds instead of fourteen days. */
@TestPropertySource(properties = "sessionflow.csat.expires-after=PT2S")
class CsatExpiryApiTest extends ApiTestBase {

  @Test
  void anExpiredSurveyIsGone() throws InterruptedException {
    String token = CsatApiTest.surveyTokenAfterAgentEnd(api, newConversation());
    Thread.sleep(2_500);
    api.post("/api/v1/csat/" + token, null, "{\"rating\":5}").expectProblem(410, "survey-expired");
  }
}
