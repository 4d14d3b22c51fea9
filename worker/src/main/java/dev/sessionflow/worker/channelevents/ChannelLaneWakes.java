package dev.sessionflow.worker.channelevents;

import dev.sessionflow.activities.conversations.MessagesCommitted;
import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.worker.settings.SettingsSaved;
import dev.sessionflow.workflows.webhooks.ChannelLane;
import dev.sessionflow.workflows.webhooks.LaneStart;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import dev.sessionflow.workflows.webhooks.WebhookSubscription;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Wakes the conversation's lanes once a message is committed: one signal-with-start per webhook
 * that wants the conversation's events (none, and no cost, when no webhook does). A wake carries
 * nothing but the message's sequence, which only a new lane uses (to find its session's start). A
 * wake that fails is logged: the message waits in the store, and the conversation's next message
 * delivers it.
 *
 * <p>Which webhooks want them is not read on the message's path: it is taken at once when this
 * replica saves the settings, and read every {@link #REFRESH} for a change saved on another replica
 * (a message in that second is delivered with its conversation's next one).
 */
@Component
class ChannelLaneWakes implements MessagesCommitted {
  private static final Logger log = LoggerFactory.getLogger(ChannelLaneWakes.class);
  static final Duration REFRESH = Duration.ofSeconds(1);

  private final WorkflowClient client;
  private final SettingsStore settings;
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("channel-lane-hooks").factory());
  private volatile List<String> hookIds;

  ChannelLaneWakes(WorkflowClient client, SettingsStore settings) {
    this.client = client;
    this.settings = settings;
    refresher.scheduleWithFixedDelay(
        this::refreshQuietly, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
  }

  @EventListener
  void saved(SettingsSaved saved) {
    hookIds = laneHooks(saved.settings());
  }

  @PreDestroy
  void stop() {
    refresher.shutdownNow();
  }

  private void refreshQuietly() {
    try {
      hookIds = laneHooks(settings.current());
    } catch (RuntimeException storeDown) {
      log.debug("could not read the webhooks: {}", storeDown.toString());
    }
  }

  private static List<String> laneHooks(MessagingSettings current) {
    return current.sessionPolicy().webhooks().stream()
        .filter(h -> !Collections.disjoint(h.events(), WebhookEvent.IN_CONVERSATION_ORDER))
        .map(WebhookSubscription::hookId)
        .toList();
  }

  /** The webhooks that want the conversations' events. */
  List<String> laneHooks() {
    List<String> hooks = hookIds;
    if (hooks == null) {
      hooks = laneHooks(settings.current()); // before the first refresh
      hookIds = hooks;
    }
    return hooks;
  }

  @Override
  public void committed(String conversationId, long seq) {
    for (String hookId : laneHooks()) {
      try {
        wake(hookId, conversationId, seq);
      } catch (RuntimeException e) {
        log.warn(
            "could not wake the lane of conversation {} to webhook {}: {}",
            conversationId,
            hookId,
            e.toString());
      }
    }
  }

  void wake(String hookId, String conversationId, long seq) {
    ChannelLane lane =
        client.newWorkflowStub(
            ChannelLane.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ChannelLane.workflowId(hookId, conversationId))
                .setTaskQueue(ChannelLane.TASK_QUEUE)
                .setStaticSummary("conversation " + conversationId + " to webhook " + hookId)
                .build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(lane::run, new LaneStart(hookId, conversationId, seq));
    request.add(lane::wake);
    try {
      client.signalWithStart(request);
    } catch (WorkflowExecutionAlreadyStarted raced) {
      // Another waker (a replica, the reconciler's pass) started the lane at the same instant; the
      // in-process server then refuses this start instead of signalling: wake the lane it started.
      client
          .newWorkflowStub(ChannelLane.class, ChannelLane.workflowId(hookId, conversationId))
          .wake();
    }
  }
}
