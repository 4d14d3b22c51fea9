package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.LocalActivityOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityPoliciesTest {
  /** The server's default workflow-task timeout, which the sessions keep. */
  static final Duration WORKFLOW_TASK_TIMEOUT = Duration.ofSeconds(10);

  @Test
  void everyLocalActivityGivesUpWellWithinItsWorkflowTask() throws IllegalAccessException {
    // A slow database must not hold workflow-task and local-activity slots for a minute: a local
    // activity gives up before 80% of the task's timeout (where the SDK would have to extend the
    // task), and StoreRetry's durable timers take the longer outage.
    List<Field> fields =
        Arrays.stream(ActivityPolicies.class.getDeclaredFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()))
            .filter(f -> f.getType() == LocalActivityOptions.class)
            .toList();
    assertThat(fields).hasSizeGreaterThanOrEqualTo(3);
    for (Field field : fields) {
      field.setAccessible(true);
      LocalActivityOptions options = (LocalActivityOptions) field.get(null);
      assertThat(options.getScheduleToCloseTimeout())
          .as(field.getName())
          .isNotNull()
          .isLessThan(WORKFLOW_TASK_TIMEOUT.multipliedBy(8).dividedBy(10));
    }
  }

  @Test
  void theSettingsWalkHasAQueueOfItsOwn() {
    assertThat(dev.sessionflow.workflows.settings.SettingsBroadcast.ACTIVITY_TASK_QUEUE)
        .isNotIn(
            dev.sessionflow.workflows.reconciler.SessionReconciler.TASK_QUEUE,
            MessagingSession.TASK_QUEUE,
            dev.sessionflow.workflows.webhooks.WebhookDelivery.ACTIVITY_TASK_QUEUE,
            dev.sessionflow.workflows.automation.TicketAutomation.ACTIVITY_TASK_QUEUE);
  }
}
