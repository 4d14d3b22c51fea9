package dev.sessionflow.worker.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.worker.widget.WidgetTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web chat widget on a customer's site, in Chromium: the shop's page lives on its own loopback
 * address and host name (shop.test on 127.0.0.2), the service on 127.0.0.1. The end user writes
 * from the widget, an agent answers in the workspace, the warning and the end arrive live, the
 * survey is answered in place; a second browser sees nothing of it, a verified person sees one
 * conversation from two browsers, and a site that was not allowed gets no chat.
 */
class WidgetBrowserIT extends ApiTestBase {
  private static final String LAUNCHER = "button[aria-label='Chat with us']";
  private static final List<String> HOSTS =
      List.of("--host-resolver-rules=MAP shop.test 127.0.0.2, MAP elsewhere.test 127.0.0.3");

  private CustomerSite shop;
  private CustomerSite elsewhere;

  @BeforeEach
  void sites() {
    String service = "http://127.0.0.1:" + port();
    shop = new CustomerSite("shop.test", "127.0.0.2", service);
    elsewhere = new CustomerSite("elsewhere.test", "127.0.0.3", service);
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            """
            {"widget": {"allowedOrigins": ["%s"]},
             "inactiveAfter": "PT1M", "autoCloseAfter": "PT30S", "warnBeforeClose": "PT22S"}
            """
                .formatted(shop.origin))
        .expect(200);
  }

  @AfterEach
  void close() {
    restoreDefaultSettings();
    shop.close();
    elsewhere.close();
  }

  private Browser customer() {
    return new Browser(port(), HOSTS);
  }

  /** Opens the shop's page and the chat, and switches into the chat's frame. */
  private static void openChat(Browser browser, String url) {
    browser.driver.get(url);
    browser.await(LAUNCHER).click();
    WebElement frame = browser.await("iframe[title='Chat']");
    browser.driver.switchTo().frame(frame);
    browser.await("#text");
  }

  private static void say(Browser browser, String text) {
    browser.find("#text").sendKeys(text);
    browser.find("#send").click();
    browser.awaitText("#messages .msg-end_user", text);
  }

  private String conversationOf(Browser browser) {
    browser.driver.switchTo().defaultContent();
    String id =
        (String)
            browser.driver.executeScript(
                "return JSON.parse(localStorage.getItem('sessionflow.visitor:' + arguments[0]))"
                    + ".conversationId;",
                "http://127.0.0.1:" + port());
    browser.driver.switchTo().frame(browser.find("iframe[title='Chat']"));
    return id;
  }

  private String sessionOf(String conversationId) {
    JsonNode messages =
        api.get("/api/v1/conversations/" + conversationId + "/messages", ApiClient.ADMIN)
            .expect(200)
            .json()
            .get("messages");
    return messages.get(messages.size() - 1).get("sessionId").asText();
  }

  @Test
  void anEndUserChatsFromTheShopAndRatesTheHelpInPlace() {
    try (Browser phone = customer();
        Browser agent = new Browser(port()).signIn(ApiClient.AGENT_1)) {
      phone.driver.manage().window().setSize(new Dimension(360, 740));
      openChat(phone, shop.origin + "/");
      phone.assertNoAxeViolations("the chat frame, empty");
      say(phone, "Where is my <b>order</b> 1234?");
      assertThat(phone.all("#messages b")).as("message text is text, never HTML").isEmpty();
      String conversation = conversationOf(phone);
      String session = sessionOf(conversation);

      agent.open("/conversations/" + session);
      agent.awaitText("#transcript", "order");
      agent.find("#reply").sendKeys("It left the warehouse this morning.");
      long replied = System.nanoTime();
      agent.find("#send-reply").click();
      phone.awaitText("#messages .msg-agent", "It left the warehouse");
      long liveMillis = (System.nanoTime() - replied) / 1_000_000;
      System.out.printf("widget: the agent's reply shown in the frame after %d ms%n", liveMillis);
      assertThat(liveMillis).as("live within 2 s (plus the browser's own click)").isLessThan(3_000);

      // Quiet for 8 s: the inactivity warning reaches the frame.
      phone.await("#messages [data-kind='WARNING']");
      phone.assertNoAxeViolations("the chat frame with the warning");

      agent.find("#end-button").sendKeys(Keys.ENTER);
      agent.await("#confirm-end").sendKeys(Keys.ENTER);
      agent.await("#ended-now");

      phone.await("#messages [data-kind='ENDED']");
      phone.await("#messages [data-kind='SURVEY'] .survey");
      assertThat(phone.all("#messages .survey button"))
          .extracting(WebElement::getText)
          .containsExactly("1", "2", "3", "4", "5");
      assertThat(phone.all("#end")).allMatch(e -> !e.isDisplayed());
      assertThat(phone.driver.executeScript("return document.scrollingElement.scrollWidth <= 360;"))
          .as("no sideways scrolling in the frame at 360 px")
          .isEqualTo(true);
      phone.assertNoAxeViolations("the chat frame with the survey");
      phone.driver.switchTo().defaultContent();
      phone.screenshot("widget-phone");
      phone.driver.switchTo().frame(phone.find("iframe[title='Chat']"));
      phone.find("#messages .survey button[data-rating='4']").click();
      phone.awaitText("#messages .thanks", "You rated us 4 of 5");
      assertThat(api.session(session).path("csat").path("rating").asInt()).isEqualTo(4);

      // A reload of the shop's page shows the same conversation to the same browser.
      openChat(phone, shop.origin + "/");
      phone.awaitText("#messages .msg-agent", "It left the warehouse");
      assertThat(conversationOf(phone)).isEqualTo(conversation);

      // Another browser (another profile) sees nothing of it.
      try (Browser other = customer()) {
        openChat(other, shop.origin + "/");
        other.awaitText("#messages .hint", "Write below");
        assertThat(other.find("#messages").getText()).doesNotContain("warehouse", "order");
        assertThat(conversationOf(other)).isNotEqualTo(conversation);
      }
    }
  }

  @Test
  void theKeyboardAloneOpensTheChatWritesAndLeaves() {
    try (Browser browser = customer()) {
      browser.driver.get(shop.origin + "/");
      browser.await(LAUNCHER);
      browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
      assertThat(browser.driver.switchTo().activeElement().getAttribute("aria-label"))
          .isEqualTo("Chat with us");
      browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
      WebElement frame = browser.await("iframe[title='Chat']");
      browser.driver.switchTo().frame(frame);
      browser.until(d -> "text".equals(browser.focused()));
      browser.driver.switchTo().activeElement().sendKeys("Typed with the keyboard", Keys.ENTER);
      browser.awaitText("#messages .msg-end_user", "Typed with the keyboard");
      String session = sessionOf(conversationOf(browser));

      browser.await("#end:not([hidden])").sendKeys(Keys.ENTER);
      browser.await("#messages [data-kind='ENDED']");
      assertThat(api.session(session).get("endedBy").asText()).isEqualTo("END_USER");
      browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
      browser.driver.switchTo().defaultContent();
      browser.until(d -> !browser.find("iframe[title='Chat']").isDisplayed());
      assertThat(browser.driver.switchTo().activeElement().getAttribute("aria-label"))
          .as("focus returns to the launcher")
          .isEqualTo("Chat with us");
    }
  }

  @Test
  void aBrowserInBrazilianPortugueseGetsTheTextsInItsLanguage() {
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"texts\":{\"pt\":{\"endedText\":\"A conversa terminou. Obrigado!\"}}}")
        .expect(200);
    List<String> brazil = new java.util.ArrayList<>(HOSTS);
    brazil.add("--lang=pt-BR");
    brazil.add("--accept-lang=pt-BR");
    try (Browser browser = new Browser(port(), brazil)) {
      openChat(browser, shop.origin + "/");
      say(browser, "Olá, tudo bem?");
      String session = sessionOf(conversationOf(browser));

      api.post("/api/v1/sessions/" + session + "/end", ApiClient.ADMIN, null).expect(200);

      browser.awaitText("#messages [data-kind='ENDED']", "A conversa terminou. Obrigado!");
    }
  }

  @Test
  void aVerifiedPersonSeesOneConversationFromTwoBrowsers() {
    JsonNode key = api.post("/api/v1/widget/keys", ApiClient.ADMIN, null).expect(201).json();
    String person = "customer-" + UUID.randomUUID();
    String page =
        shop.origin
            + "/account?jwt="
            + URLEncoder.encode(
                WidgetTokens.sign(
                    key.get("kid").asText(),
                    key.get("secret").asText(),
                    person,
                    Duration.ofHours(1)),
                StandardCharsets.UTF_8);
    try (Browser laptop = customer();
        Browser phone = customer()) {
      openChat(laptop, page);
      say(laptop, "Written on the laptop");
      openChat(phone, page);
      phone.awaitText("#messages .msg-end_user", "Written on the laptop");
      say(phone, "And this on the phone");
      laptop.awaitText("#messages .msg-end_user", "And this on the phone");
      laptop.driver.switchTo().defaultContent();
      laptop.screenshot("widget-on-a-site");
    }
    try (Browser refused = customer()) {
      refused.driver.get(shop.origin + "/account?jwt=not.a.jwt");
      refused.awaitText("p[role='alert']", "could not be verified");
      assertThat(refused.all(LAUNCHER)).isEmpty();
    }
  }

  @Test
  void theAdminsWebChatPageIsAccessible() {
    try (Browser admin = new Browser(port()).signIn(ApiClient.ADMIN)) {
      admin.open("/admin/widget");
      admin.awaitText("h1", "Web chat");
      assertThat(admin.find("#origins").getText()).contains(shop.origin);
      admin.find("#make-key").click();
      assertThat(admin.await("#new-key-secret").getText()).startsWith("wksec_");
      admin.assertAccessible("the web chat admin page");
    }
  }

  @Test
  void aSiteThatWasNotAllowedGetsNoChat() throws InterruptedException {
    try (Browser browser = customer()) {
      browser.driver.get(elsewhere.origin + "/");
      browser.awaitText("h1", "Garden tools");
      // The allowed shop's launcher shows within a second; give this one three.
      Thread.sleep(3_000);
      assertThat(browser.all(LAUNCHER)).isEmpty();
      assertThat(browser.all("iframe")).isEmpty();
      // And the frame refuses to be framed there, whoever puts it in.
      browser.driver.executeScript(
          "const f = document.createElement('iframe'); f.id = 'forced';"
              + " f.src = arguments[0] + '/widget/frame'; document.body.appendChild(f);",
          "http://127.0.0.1:" + port());
      Thread.sleep(1_000);
      browser.driver.switchTo().frame(browser.find("#forced"));
      assertThat(browser.all("#text")).as("CSP frame-ancestors blocks the frame").isEmpty();
    }
  }
}
