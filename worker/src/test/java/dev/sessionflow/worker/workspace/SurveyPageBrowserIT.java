package dev.sessionflow.worker.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The hosted survey page as an end user's phone opens it from a WhatsApp or SMS link: 360 pixels
 * wide, answered from the keyboard alone, with no axe-core violation at all. The page has no script
 * ({@code SurveyPageTest}), so a browser with JavaScript off gets the same page.
 */
class SurveyPageBrowserIT extends ApiTestBase {

  @Test
  void anEndUserRatesFromTheLinkOnAPhoneWithTheKeyboardAlone() {
    String c = newConversation();
    String s = api.endUserSays(c, "m-1", "My order is late").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, s, "a-1", "It ships today.");
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, null).expect(200);
    // The survey goes out after the end's answer: wait for it without failing on its absence.
    ApiClient.await(
        Duration.ofSeconds(20), () -> api.transcript(c).toString().contains("surveyUrl"));
    String url = api.invitation(c).get("surveyUrl").asText();
    assertThat(url).startsWith(base() + "/survey/");

    try (Browser phone = new Browser(port())) {
      phone.driver.manage().window().setSize(new Dimension(360, 740));
      phone.driver.get(url);
      phone.awaitText("h1", "Rate your conversation");
      assertThat(phone.find("#question").getText()).contains("How did we do?");
      assertThat(phone.all(".ratings button"))
          .extracting(WebElement::getText)
          .containsExactly("1", "2", "3", "4", "5");
      assertThat(phone.driver.executeScript("return document.scrollingElement.scrollWidth"))
          .as("no sideways scrolling at 360 px")
          .isEqualTo(360L);
      phone.assertNoAxeViolations("the survey page");
      phone.screenshot("survey-page");

      // Keyboard alone: Tab into the comment, type, Tab to the buttons, Enter on a rating.
      WebElement body = phone.driver.findElement(By.tagName("body"));
      body.sendKeys(Keys.TAB);
      assertThat(phone.focused()).isEqualTo("comment");
      phone.driver.switchTo().activeElement().sendKeys("Fast and friendly");
      for (int i = 0; i < 4; i++) {
        phone.driver.switchTo().activeElement().sendKeys(Keys.TAB);
      }
      assertThat(phone.driver.switchTo().activeElement().getText()).isEqualTo("4");
      phone.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
      phone.awaitText("h1", "Thank you");
      assertThat(phone.find("#outcome").getText()).contains("4 out of 5");
      phone.assertNoAxeViolations("the survey's thank-you page");

      phone.driver.get(base() + "/survey/not-a-real-token");
      phone.awaitText("h1", "Survey not found");
      phone.assertNoAxeViolations("the unknown survey page");
    }
    assertThat(api.session(s).path("csat").path("rating").asInt()).isEqualTo(4);
  }
}
