package dev.sessionflow.worker.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The workspace and the end-user chat page in headless Chromium, against the whole service on its
 * embedded default. Each scenario is what an agent and an end user do, each in their own browser.
 */
class WorkspaceBrowserIT extends ApiTestBase {

  @AfterEach
  void restore() {
    restoreDefaultSettings();
  }

  /** The end user's browser on a fresh conversation, having written {@code text}. */
  private Browser endUserWrites(String conversationId, String text) {
    Browser endUser = new Browser(port()).open("/chat/" + conversationId);
    say(endUser, text);
    return endUser;
  }

  private static void say(Browser endUser, String text) {
    endUser.find("#chat-text").sendKeys(text);
    endUser.find("#chat-send").click();
    endUser.awaitText("#chat .msg-end_user", text);
  }

  /** Opens the conversation's session through its inbox link, as an agent does. */
  private static void openFromInbox(Browser agent, String conversationId) {
    agent.open("/inbox");
    String href =
        agent.until(
            d ->
                agent
                    .awaitText("#inbox-rows a.open", "visitor-" + conversationId)
                    .getAttribute("href"));
    agent.driver.get(href);
    agent.await("#transcript");
  }

  @Test
  void anEndUserMessageAppearsInTheInboxWithoutAReload() {
    String c = newConversation();
    try (Browser agent = new Browser(port()).open("/login");
        Browser endUser = new Browser(port()).open("/chat/" + c)) {
      agent.assertAccessible("the sign-in page");
      agent.signIn(ApiClient.AGENT_1);
      agent.await("#inbox-rows");
      agent.mark();
      endUser.assertAccessible("the end-user chat page (empty)");
      say(endUser, "Where is my parcel?");

      var row = agent.awaitText("#inbox-rows tr", "Where is my parcel?");
      assertThat(row.getText()).contains("visitor-" + c, "Waiting on agent", "unassigned");
      assertThat(agent.stillMarked()).as("no reload").isTrue();
      var time = row.findElement(By.cssSelector("time"));
      ZonedDateTime sent =
          Instant.parse(time.getAttribute("datetime")).atZone(ZoneId.of(Browser.TIME_ZONE));
      assertThat(time.getText())
          .as("shown in the browser's time zone")
          .contains(DateTimeFormatter.ofPattern("h:mm:ss", Locale.US).format(sent));
      agent.assertAccessible("the inbox");
      agent.screenshot("workspace-inbox");
    }
  }

  @Test
  void theAgentRepliesAndTheEndUserSeesIt() {
    String c = newConversation();
    try (Browser endUser = endUserWrites(c, "Can I change my address?");
        Browser agent = new Browser(port()).signIn(ApiClient.AGENT_1)) {
      openFromInbox(agent, c);
      agent.awaitText("#transcript", "Can I change my address?");
      agent.find("#reply").sendKeys("Yes: which address should we use?");
      agent.find("#send-reply").click();

      agent.awaitText("#transcript .msg-agent", "Yes: which address should we use?");
      endUser.awaitText("#chat .msg-agent", "Yes: which address should we use?");
      agent.awaitText("#panel", "agent-1");
      agent.assertAccessible("the conversation view");
    }
  }

  @Test
  void theAgentEndsWithTheSurveyAndTheEndUserRatesFive() {
    String c = newConversation();
    try (Browser endUser = endUserWrites(c, "My invoice is wrong");
        Browser agent = new Browser(port()).signIn(ApiClient.AGENT_1)) {
      openFromInbox(agent, c);
      agent.find("#reply").sendKeys("Fixed, a new invoice is on its way.");
      agent.find("#send-reply").click();
      endUser.awaitText("#chat .msg-agent", "Fixed");

      agent.find("#end-button").sendKeys(Keys.ENTER);
      agent.await("#confirm-end");
      agent.until(d -> "end-title".equals(agent.focused()));
      assertThat(agent.find("#end-consequences").getText())
          .contains("ended notice", "SOLVED", "sends a CSAT survey");
      assertThat(agent.find("#end-survey").isSelected()).as("survey per policy").isTrue();
      agent.assertAccessible("the end confirmation");
      agent.screenshot("workspace-end-confirmation");
      agent.find("#confirm-end").sendKeys(Keys.ENTER);

      agent.await("#ended-now");
      agent.awaitText("#composer-why", "agent-1 (agent)");
      assertThat(agent.find("#reply-closed").isEnabled()).isFalse();
      endUser.await("#chat [data-kind='SESSION_ENDED']");
      endUser.await("#chat form.survey");
      endUser.assertAccessible("the end-user chat page with its survey");
      endUser.screenshot("workspace-end-user-chat");
      endUser.find("#chat form.survey button[data-rating='5']").click();
      endUser.awaitText("#chat .thanks", "rated us 5 of 5");

      agent.awaitText("#csat-rating", "5");
      agent.awaitText("#ticket-status", "SOLVED");
      agent.awaitText("#timeline", "SETTLED");
      agent.awaitText("#timeline", "CSAT_ANSWERED");
    }
  }

  @Test
  void withTheSettingOffThereIsNoEndButtonAndTheApiSays403() {
    String c = newConversation();
    try (Browser endUser = endUserWrites(c, "Hello?");
        Browser admin = new Browser(port()).signIn(ApiClient.ADMIN)) {
      admin.open("/admin/settings");
      admin.assertAccessible("the messaging settings");
      var toggle = admin.find("#agents-can-end");
      assertThat(toggle.isSelected()).isTrue();
      toggle.click();
      admin.find("#save-settings").click();
      admin.awaitText("#settings-saved", "Saved");
      assertThat(admin.find("#agents-can-end").isSelected()).isFalse();

      try (Browser agent = new Browser(port()).signIn(ApiClient.AGENT_1)) {
        openFromInbox(agent, c);
        agent.await("#end-disabled-note");
        assertThat(agent.all("#end-button")).isEmpty();
        String sessionId =
            api
                .get("/api/v1/sessions?status=ACTIVE", ApiClient.AGENT_1)
                .json()
                .get("sessions")
                .findValues("sessionId")
                .stream()
                .map(n -> n.asText())
                .filter(s -> api.session(s).path("endUserId").asText().equals("visitor-" + c))
                .findFirst()
                .orElseThrow();
        api.post("/api/v1/sessions/" + sessionId + "/end", ApiClient.AGENT_1, null)
            .expectProblem(403, "agent-end-disabled");
      }
    }
  }

  @Test
  void anAdminPreviewsAShorterAutoCloseBeforeSavingIt() throws InterruptedException {
    String session = api.endUserSays(newConversation(), "m-1", "Hello").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, session, "a-1", "Anything else?");
    Thread.sleep(1500); // ended 1.5 s after the reply: a 1 s auto-close would have come first
    api.post("/api/v1/sessions/" + session + "/end", ApiClient.AGENT_1, null).expect(200);
    try (Browser admin = new Browser(port()).signIn(ApiClient.ADMIN)) {
      admin.open("/admin/settings");
      admin.find("#auto-close-after").clear();
      admin.find("#auto-close-after").sendKeys("PT1S");
      admin.find("#warn-before-close").clear(); // no warning: it must come before the close
      admin.find("#preview-settings").click();

      admin.awaitText("#preview-title", "last 7 days");
      assertThat(Integer.parseInt(admin.find("#preview-auto-closed-change").getText()))
          .isGreaterThan(Integer.parseInt(admin.find("#preview-auto-closed-now").getText()));
      admin.await(
          "#preview-examples li[data-session='"
              + session
              + "'][data-now='ENDED'][data-with-change='AUTO_CLOSED']");
      admin.assertAccessible("the settings page with a preview");
      admin.screenshot("workspace-settings-preview");
      // The draft is still in the form, and nothing was saved.
      assertThat(admin.find("#auto-close-after").getAttribute("value")).isEqualTo("PT1S");
      assertThat(
              api.get("/api/v1/settings/messaging", ApiClient.ADMIN)
                  .json()
                  .get("autoCloseAfter")
                  .asText())
          .isEqualTo("PT30M");

      admin.find("#save-settings").click();
      admin.awaitText("#settings-saved", "Saved");
      assertThat(
              api.get("/api/v1/settings/messaging", ApiClient.ADMIN)
                  .json()
                  .get("autoCloseAfter")
                  .asText())
          .isEqualTo("PT1S");
    }
  }

  @Test
  void anAdminSetsRetentionAndSeesWhatTheNextPassWouldRemove() {
    try (Browser admin = new Browser(port()).signIn(ApiClient.ADMIN)) {
      admin.open("/admin/retention");
      admin.awaitText("#retention-off", "kept for ever");
      admin.find("#days").sendKeys("0");
      admin.find("#save-retention").click();
      admin.awaitText("#retention-error", "1 to 3650 days");

      admin.find("#days").clear();
      admin.find("#days").sendKeys("365");
      admin.find("#save-retention").click();
      admin.awaitText("#retention-saved", "Saved");
      admin.awaitText("#retention-due", "would be removed if a pass ran now");
      admin.assertAccessible("the retention page");
      admin.screenshot("workspace-retention");
    } finally {
      assertThat(
              api.get("/api/v1/retention", ApiClient.ADMIN)
                  .json()
                  .get("transcriptsKeptFor")
                  .asText())
          .isEqualTo("P365D");
      api.put("/api/v1/retention", ApiClient.ADMIN, "{\"transcriptsKeptFor\":null}").expect(200);
    }
  }

  @Test
  void anAdminSetsBusinessHoursAndAnEndUserWritingWhileClosedIsTold() {
    String openDay =
        java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            .plusDays(2)
            .getDayOfWeek()
            .name()
            .substring(0, 3);
    try (Browser admin = new Browser(port()).signIn(ApiClient.ADMIN)) {
      admin.open("/admin/hours");
      admin.find("#periods").clear();
      admin.find("#periods").sendKeys("MON-FUN 09:00-17:00");
      admin.find("#save-hours").click();
      admin.awaitText("#hours-error", "businessHours.periods[0]");

      admin.find("#time-zone").clear();
      admin.find("#time-zone").sendKeys("UTC");
      admin.find("#periods").clear();
      admin.find("#periods").sendKeys(openDay + " 00:00-24:00");
      admin.find("#holidays").sendKeys("2020-01-01");
      admin.find("#count-business").click();
      admin.find("#out-of-hours-text").sendKeys("We are closed now; we reply when we open.");
      admin.find("#save-hours").click();
      admin.awaitText("#hours-saved", "Saved");
      admin.awaitText("#hours-now", "Closed now");
      // In the team's time zone, not the browser's (Tokyo here): midnight UTC on the open day.
      assertThat(admin.find("#hours-next-opening").getText()).endsWith(", 00:00");
      admin.assertAccessible("the business hours page");
      admin.screenshot("workspace-business-hours");
    }
    JsonNode saved = api.get("/api/v1/settings/messaging", ApiClient.ADMIN).json();
    assertThat(saved.get("timersCount").asText()).isEqualTo("BUSINESS_HOURS");
    assertThat(saved.at("/businessHours/periods/0/days/0").asText()).isEqualTo(openDay);
    assertThat(saved.at("/businessHours/holidays/0").asText()).isEqualTo("2020-01-01");

    try (Browser endUser = endUserWrites(newConversation(), "Hello, anyone?")) {
      endUser.awaitText("#chat [data-kind='OUT_OF_HOURS']", "we reply when we open");
    }
  }

  @Test
  void anAdminTranslatesSomeTextsAndSeesWhatTheOthersFallBackTo() {
    try (Browser admin = new Browser(port()).signIn(ApiClient.ADMIN)) {
      admin.open("/admin/texts");
      admin.find("#locale-0").sendKeys("pt");
      admin.find("#endedText-0").sendKeys("A conversa terminou.");
      admin.find("#csatQuestion-0").sendKeys("Como correu?");
      admin.find("#save-texts").click();
      admin.awaitText("#texts-saved", "Saved");

      // A Brazilian variant of the warning only: the rest falls back to pt, then the default.
      admin.find("#locale-1").sendKeys("pt-br");
      admin.find("#warningText-1").sendKeys("Você ainda está aí?");
      admin.find("#save-texts").click();
      admin.awaitText("#texts-saved", "Saved");
      admin.await("fieldset[data-locale='pt-BR']");
      assertThat(admin.find("fieldset[data-locale='pt-BR'] #endedText-1-falls-back").getText())
          .isEqualTo("Falls back to pt: A conversa terminou.");
      assertThat(admin.find("fieldset[data-locale='pt-BR'] #outOfHoursText-1-falls-back").getText())
          .isEqualTo("Nothing is sent (no default text).");
      assertThat(
              admin
                  .find("fieldset[data-locale='pt'] #warningText-0-falls-back")
                  .getAttribute("data-from"))
          .isEqualTo("default");
      admin.assertAccessible("the languages page");
      admin.screenshot("workspace-languages");

      admin.find("#locale-2").sendKeys("pt_BR");
      admin.find("#warningText-2").sendKeys("Oi?");
      admin.find("#save-texts").click();
      admin.awaitText("#texts-error", "texts.pt_BR");
    }
    JsonNode texts = api.get("/api/v1/settings/messaging", ApiClient.ADMIN).json().get("texts");
    assertThat(texts.at("/pt-BR/warningText").asText()).isEqualTo("Você ainda está aí?");
    assertThat(texts.at("/pt-BR/endedText").isNull()).isTrue();
    assertThat(texts.has("pt_BR")).as("the refused save changed nothing").isFalse();
  }

  @Test
  void anAdminGivesWhatsAppItsOwnTimersAndSeesWhatIsInForce() {
    try (Browser admin = new Browser(port()).signIn(ApiClient.ADMIN)) {
      admin.open("/admin/channels");
      admin.find("#name-0").sendKeys("whatsapp");
      admin.find("#inactiveAfter-0").sendKeys("soon");
      admin.find("#save-channels").click();
      admin.awaitText("#channels-error", "channels.whatsapp.inactiveAfter");

      admin.find("#name-0").clear();
      admin.find("#name-0").sendKeys("whatsapp");
      admin.find("#inactiveAfter-0").clear();
      admin.find("#inactiveAfter-0").sendKeys("PT24H");
      admin.find("#autoCloseAfter-0").sendKeys("off");
      admin.find("#csat\\.scale-0").sendKeys("3");
      admin.find("#csat\\.sendWhenEndedBy-0").sendKeys("AGENT, SYSTEM");
      admin
          .find("#businessHours-0")
          .sendKeys(
              "{\"timeZone\": \"UTC\", \"periods\": [{\"days\": [\"MON\"], \"from\":"
                  + " \"09:00\", \"to\": \"17:00\"}]}");
      admin.find("#save-channels").click();
      admin.awaitText("#channels-saved", "Saved");
      admin.await("fieldset[data-channel='whatsapp']");
      assertThat(admin.find("#inactiveAfter-0-in-force").getText())
          .isEqualTo("In force: PT24H (this channel)");
      assertThat(admin.find("#autoCloseAfter-0-in-force").getText())
          .isEqualTo("In force: off (this channel)");
      assertThat(admin.find("#endedNoticeText-0-in-force").getAttribute("data-source"))
          .isEqualTo("account");
      admin.assertAccessible("the channels page");
      admin.screenshot("workspace-channels");
    }
    JsonNode whatsapp =
        api.get("/api/v1/settings/messaging", ApiClient.ADMIN).json().at("/channels/whatsapp");
    assertThat(whatsapp.get("inactiveAfter").asText()).isEqualTo("PT24H");
    assertThat(whatsapp.get("autoCloseAfter").isNull()).isTrue();
    assertThat(whatsapp.at("/csat/scale").asInt()).isEqualTo(3);
    assertThat(whatsapp.at("/csat/sendWhenEndedBy").toString()).isEqualTo("[\"AGENT\",\"SYSTEM\"]");
    assertThat(whatsapp.at("/businessHours/timeZone").asText()).isEqualTo("UTC");
  }

  @Test
  void aSessionAutoClosesWhileBothPagesAreOpen() {
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"autoCloseAfter\": \"PT8S\", \"warnBeforeClose\": \"PT5S\"}")
        .expect(200);
    String c = newConversation();
    try (Browser endUser = endUserWrites(c, "Is anyone there?");
        Browser agent = new Browser(port()).signIn(ApiClient.AGENT_1)) {
      openFromInbox(agent, c);
      agent.find("#reply").sendKeys("Yes, I am. Anything else?");
      agent.find("#send-reply").click();
      endUser.awaitText("#chat .msg-agent", "Anything else?");

      endUser.await("#chat [data-kind='INACTIVITY_WARNING']");
      agent.await("#transcript [data-kind='INACTIVITY_WARNING']");
      endUser.await("#chat [data-kind='SESSION_ENDED']");
      agent.awaitText("#composer-why", "auto-close");
      agent.awaitText("#session-status", "ENDED");
      assertThat(agent.all("#end-button")).isEmpty();
    }
  }

  @Test
  void theEscalationMacroMovesTheTicketEndsTheSessionAndTheTimelineNamesIt() {
    try (Browser admin = new Browser(port()).signIn(ApiClient.ADMIN)) {
      admin.open("/admin/automation");
      admin.find("#add-escalation").click();
      admin.awaitText("#macros", "Escalate to Tier 2");
      admin.awaitText("#triggers", "End the chat when escalated");
      admin.assertAccessible("macros and triggers");
      admin.open("/admin/webhooks");
      admin.await("#webhooks");
      admin.assertAccessible("the webhooks");
    }
    String c = newConversation();
    try (Browser endUser = endUserWrites(c, "I want a refund of 900 EUR");
        Browser agent = new Browser(port()).signIn(ApiClient.AGENT_1)) {
      openFromInbox(agent, c);
      agent.find("#reply").sendKeys("Let me pass you to Tier 2.");
      agent.find("#send-reply").click();
      new org.openqa.selenium.support.ui.Select(agent.find("#macro"))
          .selectByVisibleText("Escalate to Tier 2");
      agent.find("#apply-macro").click();

      var outcomes = agent.awaitText("#macro-result", "SET_GROUP");
      assertThat(outcomes.getText()).contains("APPLIED");
      agent.awaitText("#ticket-group", "tier-2");
      agent.awaitText("#session-status", "ENDED");
      agent.awaitText("#timeline", "Escalate to Tier 2");
      endUser.await("#chat [data-kind='SESSION_ENDED']");
    } finally {
      for (var t : api.get("/api/v1/triggers", ApiClient.ADMIN).expect(200).json()) {
        api.delete("/api/v1/triggers/" + t.get("triggerId").asText(), ApiClient.ADMIN).expect(204);
      }
    }
  }

  @Test
  void theWebhooksPageShowsHowEachWebhooksLastDeliveryWent() throws java.io.IOException {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort(); // nothing listens there once it is closed
    }
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            """
            {"webhooks": [{"url": "http://127.0.0.1:%d/hook",
              "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "events": ["session.ended"]}]}
            """
                .formatted(closedPort))
        .expect(200);
    String c = newConversation();
    String session = api.endUserSays(c, "m-1", "Hello").get("sessionId").asText();
    api.post("/api/v1/sessions/" + session + "/end", ApiClient.ADMIN, "{\"sendCsat\":false}")
        .expect(200);
    try (Browser admin = new Browser(port()).signIn(ApiClient.ADMIN)) {
      ApiClient.await(
          Browser.WAIT,
          () ->
              admin
                  .open("/admin/webhooks")
                  .find("#webhooks")
                  .getText()
                  .contains("Failing, retrying (session.ended)"));
      assertThat(admin.find("#webhooks [data-state='FAILING'] .delivery-answer").getText())
          .contains("unreachable");
      admin.assertAccessible("the webhooks, one failing");
    }
  }

  @Test
  void aSecondAgentSeesTheEndLiveAndASecondEndSaysWhoEndedIt() {
    String c = newConversation();
    try (Browser endUser = endUserWrites(c, "Two of you?");
        Browser first = new Browser(port()).signIn(ApiClient.AGENT_1);
        Browser second = new Browser(port()).signIn(ApiClient.AGENT_2)) {
      openFromInbox(first, c);
      openFromInbox(second, c);
      second.mark();
      second.find("#end-button").click();
      second.await("#confirm-end");

      first.find("#end-button").click();
      first.await("#confirm-end").click();
      first.await("#ended-now");

      second.awaitText("#composer-why", "agent-1 (agent)");
      second.awaitText("#session-status", "ENDED");
      assertThat(second.stillMarked()).as("no reload").isTrue();
      second.find("#confirm-end").click();
      second.awaitText("#already-ended", "Already ended by agent-1 (agent)");
      assertThat(second.all("#end-area .error")).isEmpty();
      endUser.await("#chat [data-kind='SESSION_ENDED']");
      assertThat(second.driver.findElements(By.id("end-button"))).isEmpty();
    }
  }
}
