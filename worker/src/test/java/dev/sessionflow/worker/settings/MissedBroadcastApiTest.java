package dev.sessionflow.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.settings.SettingsChange;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A session that missed a settings broadcast catches up when the API passes it a message or an end:
 * each names the settings version the store held when it was taken.
 */
class MissedBroadcastApiTest extends ApiTestBase {
  @Autowired SettingsStore settings;
  @Autowired WorkflowClient client;

  @AfterEach
  void restoreDefaults() {
    restoreDefaultSettings();
  }

  @Test
  void anEndUserMessageCatchesTheSessionUp() {
    catchesUpOn(s -> api.endUserSays(s.conversation(), "m-2", "Still here"));
  }

  @Test
  void anAgentMessageCatchesTheSessionUp() {
    catchesUpOn(s -> api.agentSays(ApiClient.AGENT_1, s.sessionId(), "a-1", "Hello"));
  }

  @Test
  void anEndCatchesTheSessionUpBeforeItDecides() {
    catchesUpOn(
        s ->
            api.post("/api/v1/sessions/" + s.sessionId() + "/end", ApiClient.ADMIN, "{}")
                .expect(200));
  }

  private record Opened(String conversation, String sessionId) {}

  private void catchesUpOn(Consumer<Opened> event) {
    String conversation = newConversation();
    String sessionId = api.endUserSays(conversation, "m-1", "Hello").get("sessionId").asText();
    long held = settingsVersionOf(sessionId);
    assertThat(held).isEqualTo(settings.version());

    // A change whose broadcast never reached the session: stored, not sent.
    long changed =
        settings
            .update(
                new SettingsChange(
                    null,
                    null,
                    null,
                    null,
                    "Are you still there?",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
            .version();
    assertThat(changed).isGreaterThan(held);
    assertThat(settingsVersionOf(sessionId)).isEqualTo(held);

    event.accept(new Opened(conversation, sessionId));

    ApiClient.await(Duration.ofSeconds(20), () -> settingsVersionOf(sessionId) == changed);
  }

  private long settingsVersionOf(String sessionId) {
    return client
        .newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(sessionId))
        .state()
        .settingsVersion();
  }
}
