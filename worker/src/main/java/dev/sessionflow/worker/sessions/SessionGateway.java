package dev.sessionflow.worker.sessions;

import dev.sessionflow.activities.conversations.MessageSignals;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.sessions.SessionStarts;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.workflows.session.ChatMessage;
import dev.sessionflow.workflows.session.EndRequest;
import dev.sessionflow.workflows.session.EndResult;
import dev.sessionflow.workflows.session.MessagingSession;
import dev.sessionflow.workflows.session.SessionSettings;
import dev.sessionflow.workflows.session.SessionStart;
import dev.sessionflow.workflows.session.SessionWorkflowOptions;
import dev.sessionflow.workflows.webhooks.WebhookCall;
import dev.sessionflow.workflows.webhooks.WebhookDelivery;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import dev.sessionflow.workflows.webhooks.WebhookSubscription;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The API's side of the workflows: wake a session with a message, end one, raise events. */
@Component
public class SessionGateway {
  private static final Logger log = LoggerFactory.getLogger(SessionGateway.class);
  static final Duration END_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration WAIT_STEP = Duration.ofSeconds(1);

  private final WorkflowClient client;
  private final SettingsStore settings;
  private final SessionStarts starts;
  private final MessageSignals signals;
  private final SessionStore sessions;

  public SessionGateway(
      WorkflowClient client,
      SettingsStore settings,
      SessionStarts starts,
      MessageSignals signals,
      SessionStore sessions) {
    this.client = client;
    this.settings = settings;
    this.starts = starts;
    this.signals = signals;
    this.sessions = sessions;
  }

  /**
   * Signals a stored message to its session. A new session ({@code opening}), or one whose start
   * was cut short by a crash, is started with it; only then are the settings read, so a message to
   * a running session costs one signal. A session that has already finished is not started again:
   * the message stays in its transcript.
   *
   * <p>A message the API stored has a row in the outbox of message signals ({@link
   * MessageSignals}); once the session has it, the row is done. A crash before that leaves the row
   * for the reconciler.
   *
   * <p>The message names the current settings version, so that a session that missed a broadcast
   * catches up: the version the store answered with the message, else one read here.
   */
  public void deliver(SessionIdentity session, ChatMessage message, boolean opening) {
    signal(session, message, opening);
    if (message.sequence() != null) {
      signals.signalled(message.sequence()); // its row in the outbox is done
    }
  }

  private void signal(SessionIdentity session, ChatMessage message, boolean opening) {
    if (!opening) {
      try {
        client
            .newWorkflowStub(
                MessagingSession.class, MessagingSession.workflowId(session.sessionId()))
            .message(
                message.settingsVersion() != null
                    ? message
                    : message.withSettingsVersion(settings.version()));
        return;
      } catch (WorkflowNotFoundException notRunning) {
        // never started, or finished: startWith tells the two apart
      }
    }
    startWith(session, message);
  }

  private void startWith(SessionIdentity session, ChatMessage message) {
    String channel =
        session.channel() != null
            ? session.channel()
            : sessions.find(session.sessionId()).map(SessionRecord::channel).orElse(null);
    MessagingSettings current =
        (message.settingsVersion() != null
                ? settings.atVersion(message.settingsVersion())
                : settings.current())
            .forChannel(channel);
    SessionStart start =
        new SessionStart(
                session.sessionId(),
                session.conversationId(),
                session.ticketId(),
                session.endUserId(),
                session.endUserName(),
                current.timers(),
                current.sessionPolicy(),
                null,
                current.version())
            .inChannel(channel);
    MessagingSession stub =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(stub::run, start);
    request.add(stub::message, message);
    try {
      client.signalWithStart(request);
    } catch (WorkflowExecutionAlreadyStarted finished) {
      log.info(
          "session {} has finished; message {} stays in its transcript",
          session.sessionId(),
          message.messageId());
    }
    // Its workflow exists: the outbox row written with the session is done (a crash before this
    // line leaves it, and the reconciler delivers again, which changes nothing).
    starts.started(session.sessionId());
  }

  /**
   * Asks the session to end and waits for the definitive answer. The request id, if any, is the
   * Update ID: a repeat attaches to the first request and gets its answer. {@code whileWaiting}
   * runs about every second until then (an activity heartbeats there). The request names the
   * current settings version (read here when the caller did not).
   */
  public EndResult end(String sessionId, EndRequest request, Runnable whileWaiting)
      throws ExecutionException, TimeoutException, InterruptedException {
    WorkflowStub stub = client.newUntypedWorkflowStub(MessagingSession.workflowId(sessionId));
    UpdateOptions.Builder<EndResult> options =
        UpdateOptions.newBuilder(EndResult.class)
            .setUpdateName("end")
            .setWaitForStage(WorkflowUpdateStage.ACCEPTED);
    if (request.requestId() != null) {
      options.setUpdateId(request.requestId());
    }
    EndRequest knowing =
        request.settingsVersion() != null ? request : request.knowingSettings(settings.version());
    java.util.concurrent.CompletableFuture<EndResult> result =
        stub.startUpdate(options.build(), knowing).getResultAsync();
    long deadline = System.nanoTime() + END_TIMEOUT.toNanos();
    while (true) {
      try {
        return result.get(WAIT_STEP.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        if (System.nanoTime() - deadline > 0) {
          throw notYet;
        }
        whileWaiting.run();
      }
    }
  }

  /** Tells a running session about changed settings; a finished one is left alone. */
  public void changeSettings(String sessionId, SessionSettings changed) {
    try {
      client
          .newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(sessionId))
          .settingsChanged(changed);
    } catch (WorkflowNotFoundException finished) {
      // ended meanwhile
    }
  }

  /** Delivers an event raised outside a session (a survey answer) to each subscribed webhook. */
  public void publish(List<WebhookSubscription> hooks, WebhookEvent event) {
    for (WebhookSubscription hook : hooks) {
      if (!hook.events().contains(event.type())) {
        continue;
      }
      WebhookCall call = new WebhookCall(hook.hookId(), event);
      WebhookDelivery delivery =
          client.newWorkflowStub(
              WebhookDelivery.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(WebhookDelivery.workflowId(call))
                  .setTaskQueue(MessagingSession.TASK_QUEUE)
                  .setWorkflowIdReusePolicy(
                      WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                  .setStaticSummary(event.type() + " to webhook " + hook.hookId())
                  .build());
      try {
        WorkflowClient.start(delivery::deliver, call);
      } catch (WorkflowExecutionAlreadyStarted published) {
        // the same event was published before
      }
    }
  }
}
