package dev.sessionflow.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.workflows.session.MessagingSession;
import dev.sessionflow.workflows.settings.SettingsBroadcast;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Through the API: a change that brings a deadline sooner reaches an idle session without any event
 * of its own; a change that does not is not broadcast at all (sessions pull it).
 */
class PushedSettingsApiTest extends ApiTestBase {
  @Autowired WorkflowClient client;

  @AfterEach
  void restoreDefaults() {
    restoreDefaultSettings();
  }

  @Test
  void aSoonerDeadlineIsPushedToAnIdleSession() throws Exception {
    String sessionId = api.endUserSays(newConversation(), "m-1", "Hello").get("sessionId").asText();

    long sooner = save("{\"inactiveAfter\":\"PT3M\"}");

    ApiClient.await(Duration.ofSeconds(20), () -> settingsVersionOf(sessionId) == sooner);
    WorkflowStub walk = client.newUntypedWorkflowStub(SettingsBroadcast.workflowId(sooner));
    walk.getResult(10, java.util.concurrent.TimeUnit.SECONDS, Void.class);
  }

  @Test
  void aLaterDeadlineOrATextIsNotBroadcast() throws Exception {
    String conversation = newConversation();
    String sessionId = api.endUserSays(conversation, "m-1", "Hello").get("sessionId").asText();
    long held = settingsVersionOf(sessionId);

    long later = save("{\"inactiveAfter\":\"PT2H\",\"warningText\":\"Still with us?\"}");

    Thread.sleep(1_000);
    assertThat(settingsVersionOf(sessionId)).isEqualTo(held);
    assertThat(broadcastExists(later)).isFalse();
    // The session's next event names the version: it pulls the settings then.
    api.endUserSays(conversation, "m-2", "Still here");
    ApiClient.await(Duration.ofSeconds(20), () -> settingsVersionOf(sessionId) == later);
  }

  private long save(String change) {
    return api.put("/api/v1/settings/messaging", ApiClient.ADMIN, change)
        .expect(200)
        .json()
        .get("version")
        .asLong();
  }

  private boolean broadcastExists(long version) {
    try {
      client
          .getWorkflowServiceStubs()
          .blockingStub()
          .describeWorkflowExecution(
              DescribeWorkflowExecutionRequest.newBuilder()
                  .setNamespace(client.getOptions().getNamespace())
                  .setExecution(
                      io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                          .setWorkflowId(SettingsBroadcast.workflowId(version)))
                  .build());
      return true;
    } catch (io.grpc.StatusRuntimeException notFound) {
      return false;
    }
  }

  private long settingsVersionOf(String sessionId) {
    return client
        .newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(sessionId))
        .state()
        .settingsVersion();
  }
}
