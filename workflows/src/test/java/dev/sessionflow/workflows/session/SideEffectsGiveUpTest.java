package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.workflows.model.EndedBy;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The survey and the settlement when they fail for good ({@code poison-waits}): the session stalls
 * with the alert and waits for ops, instead of failing (a non-retryable failure) or retrying every
 * 10 seconds for ever (a deterministic error); {@code retryStore} finishes it, once.
 */
class SideEffectsGiveUpTest {
  RecordingActivities activities;
  TestWorkflowEnvironment env;
  WorkflowClient client;

  @BeforeEach
  void setUp() {
    activities = new RecordingActivities();
    env = SessionTestEnvironment.start(activities);
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void aSettlementRefusedForGoodStallsTheSessionUntilOpsRetry() {
    activities.settleRefusalsLeft = 1;
    MessagingSession session = endedByTheAgent("g1");

    env.sleep(Duration.ofHours(3));

    assertThat(session.storeAlert())
        .startsWith("survey and settlement stalled since")
        .contains("waits for retryStore")
        .contains("does not exist");
    assertThat(activities.settleAttempts).as("no retries, not even hourly").hasValue(1);
    assertThat(status("g1")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    session.retryStore(); // ops fixed the ticket

    SessionOutcome outcome = SessionTestEnvironment.outcome(session);
    assertThat(outcome.end().endedBy()).isEqualTo(EndedBy.AGENT);
    assertThat(activities.settlements).hasSize(1);
    assertThat(activities.surveys).as("the survey went out once").hasSize(1);
  }

  @Test
  void aSettlementThatFailsForADayStallsInsteadOfRetryingForEver() {
    activities.settleFailuresLeft = 1_000;
    activities.settleRetryDelay = Duration.ofHours(1);
    MessagingSession session = open("g2");
    session.message(ChatMessage.fromEndUser("m1"));
    session.end(new EndRequest(EndedBy.ADMIN, null, "SPAM", false));

    env.sleep(ActivityPolicies.GIVE_UP_AFTER.plusHours(3));

    assertThat(session.storeAlert()).startsWith("settlement stalled since");
    int tries = activities.settleAttempts.get();
    assertThat(tries).as("hourly tries for a day, then none").isBetween(20, 26);
    env.sleep(Duration.ofHours(5));
    assertThat(activities.settleAttempts).hasValue(tries);

    activities.settleFailuresLeft = 0;
    session.retryStore();

    SessionTestEnvironment.outcome(session);
    assertThat(activities.settlements).hasSize(1);
  }

  private MessagingSession endedByTheAgent(String id) {
    MessagingSession session = open(id);
    session.message(ChatMessage.fromEndUser("m1"));
    session.message(ChatMessage.fromAgent("m2", "agent-1"));
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    return session;
  }

  private MessagingSession open(String id) {
    return SessionTestEnvironment.open(
        client, id, MessagingSessionTest.TIMERS, SessionPolicy.defaults());
  }

  private WorkflowExecutionStatus status(String id) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(
                    WorkflowStub.fromTyped(
                            client.newWorkflowStub(
                                MessagingSession.class, MessagingSession.workflowId(id)))
                        .getExecution())
                .build())
        .getWorkflowExecutionInfo()
        .getStatus();
  }
}
