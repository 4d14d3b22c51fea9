package dev.sessionflow.activities.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SurveyLinksTest {

  @Test
  void aLinkIsThePublicBaseThenTheSurveyPath() {
    assertThat(new SurveyLinks("https://support.example.com/").surveyUrl("t0k"))
        .isEqualTo("https://support.example.com/survey/t0k");
    assertThat(new SurveyLinks("https://example.com/help").surveyUrl("t0k"))
        .isEqualTo("https://example.com/help/survey/t0k");
  }

  @Test
  void unsetItNamesThePortTheServerListensOn() {
    MockEnvironment env = new MockEnvironment().withProperty("server.port", "0");
    SurveyLinks links = new SurveyLinks(env);
    env.setProperty("local.server.port", "41234");
    assertThat(links.surveyUrl("t")).isEqualTo("http://localhost:41234/survey/t");
  }

  @Test
  void refusesWhatAPhoneCouldNotOpen() {
    for (String bad :
        new String[] {
          "support.example.com", "ftp://example.com", "https://example.com/?a=1",
          "https://user:pw@example.com", "https://example.com/#x", "https:///nohost"
        }) {
      MockEnvironment env = new MockEnvironment().withProperty(SurveyLinks.PROPERTY, bad);
      assertThatThrownBy(() -> new SurveyLinks(env))
          .as(bad)
          .hasMessageContaining("SESSIONFLOW_PUBLIC_BASE_URL");
    }
  }
}
