package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.workflows.session.Author;
import dev.sessionflow.workflows.session.MessagingSession;
import dev.sessionflow.workflows.session.SessionView;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crash injected right after the store commits an agent's reply, before its session is signalled
 * (the service halts as a SIGKILL would): the session is deaf to the reply, waits on the agent, and
 * would never auto-close. The reconciler's schedule signals the reply from the outbox of message
 * signals.
 */
class MessageRedeliveryIT extends RealServerTestBase {
  private static final Logger log = LoggerFactory.getLogger(MessageRedeliveryIT.class);

  /** The first service halts after its second stored message; the one after the crash does not. */
  private boolean crashAfterSecondMessage = true;

  @Override
  protected Map<String, String> serviceEnv() {
    Map<String, String> env = new HashMap<>(super.serviceEnv());
    env.put("SESSIONFLOW_RECONCILER_MESSAGE_GRACE", "5s");
    if (crashAfterSecondMessage) {
      env.put("SESSIONFLOW_TEST_CRASH_AT", "after-message:2");
    }
    return env;
  }

  @Test
  void aReplyWhoseSignalACrashLostReachesItsSession() {
    String conversation = "redeliver-1";
    String sessionId = api.endUserSays(conversation, "m-1", "Hi").get("sessionId").asText();
    try {
      api.agentSays(ApiClient.AGENT_1, sessionId, "a-1", "Fixed it");
    } catch (RuntimeException cutOff) {
      // the service halted after the reply's commit: no answer, and the channel does not retry
    }
    service.kill();
    crashAfterSecondMessage = false;
    startService();

    MessagingSession session =
        temporal
            .client()
            .newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(sessionId));
    long replies =
        StreamSupport.stream(api.transcript(conversation).spliterator(), false)
            .filter(m -> "a-1".equals(m.path("messageId").asText()))
            .count();
    assertThat(replies).as("the store committed the reply").isEqualTo(1);
    ApiClient.await(Duration.ofMinutes(3), () -> session.state().lastAuthor() == Author.AGENT);
    SessionView view = session.state();
    assertThat(view.messageCount()).isEqualTo(2);
    String metrics = api.get("/actuator/prometheus", ApiClient.ADMIN).expect(200).body();
    assertThat(metrics).containsPattern("sessionflow_reconciler_redelivered_total [1-9]");
    log.info(
        "signalled by the reconciler: {}",
        metrics.lines().filter(l -> l.startsWith("sessionflow_reconciler_")).toList());
  }
}
