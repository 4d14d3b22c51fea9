package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.workflows.settings.SettingsBroadcast;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands a saved settings version that brought a deadline sooner to a {@link SettingsBroadcast}
 * workflow: durable in Temporal from the moment the admin's request returns, and run by whichever
 * replica's worker takes it. Other changes are pulled: sessions catch up at their next message or
 * end, which name the current version, and the store refuses a warning or an auto-close decided
 * under older settings. A replica that stopped between saving and starting the broadcast leaves it
 * to the next replica that starts (each one makes sure the pushed version's broadcast exists).
 */
@Component
class SettingsBroadcaster {
  private static final Logger log = LoggerFactory.getLogger(SettingsBroadcaster.class);

  private final WorkflowClient client;
  private final SettingsStore settings;

  SettingsBroadcaster(WorkflowClient client, SettingsStore settings) {
    this.client = client;
    this.settings = settings;
  }

  /** Pushes a saved version that brought a deadline sooner; the sessions pull any other. */
  void toRunningSessions(MessagingSettings saved) {
    if (settings.pushedVersion() != saved.version()) {
      return;
    }
    try {
      start(saved.version());
    } catch (RuntimeException temporalDown) {
      // The change is saved; sessions catch up at their next event, a starting replica resends.
      log.warn(
          "settings version {} saved, its broadcast could not start: {}",
          saved.version(),
          temporalDown.toString());
    }
  }

  /** At start-up: the pushed version's broadcast, if no replica started it. */
  @EventListener(ApplicationReadyEvent.class)
  void ensureCurrentVersionBroadcast() {
    long version = settings.pushedVersion();
    if (version == 0) {
      return; // nothing was ever pushed
    }
    try {
      if (start(version)) {
        log.info("settings version {}: broadcast started at start-up", version);
      }
    } catch (RuntimeException temporalDown) {
      log.warn("could not check the broadcast of settings version {}: {}", version, temporalDown);
    }
  }

  /** Starts the broadcast of {@code version}; false if it was started before. */
  private boolean start(long version) {
    SettingsBroadcast broadcast =
        client.newWorkflowStub(
            SettingsBroadcast.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(SettingsBroadcast.workflowId(version))
                .setTaskQueue(SettingsBroadcast.TASK_QUEUE)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setStaticSummary("settings version " + version + " to running sessions")
                .build());
    try {
      WorkflowClient.start(broadcast::run, version);
      return true;
    } catch (WorkflowExecutionAlreadyStarted started) {
      return false;
    }
  }
}
