package dev.sessionflow.worker.reconciler;

import dev.sessionflow.activities.automation.SessionControl;
import dev.sessionflow.activities.conversations.MessageSignals;
import dev.sessionflow.activities.sessions.SessionStarts;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.sessions.UnsettledEnds;
import dev.sessionflow.worker.channelevents.LanesLeftBehind;
import dev.sessionflow.worker.sessions.SessionService;
import dev.sessionflow.workflows.reconciler.Reconciled;
import dev.sessionflow.workflows.reconciler.ReconcilerActivities;
import dev.sessionflow.workflows.reconciler.SessionReconciler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.activity.Activity;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = SessionReconciler.TASK_QUEUE)
public class ReconcilerActivitiesImpl implements ReconcilerActivities {
  static final String UNSETTLED_METRIC = "sessionflow_sessions_ended_unsettled";
  static final String ASKED_METRIC = "sessionflow_reconciler_asked";
  static final String STRANDED_METRIC = "sessionflow_reconciler_stranded";
  static final String PASSES_METRIC = "sessionflow_reconciler_passes";
  static final String STARTED_METRIC = "sessionflow_reconciler_started";
  static final String REDELIVERED_METRIC = "sessionflow_reconciler_redelivered";

  /** Ends older than this are left to the alert: their sessions are long finished or gone. */
  static final Duration ASKS_FOR = Duration.ofDays(1);

  static final int PER_PASS = 200;

  private static final Logger log = LoggerFactory.getLogger(ReconcilerActivitiesImpl.class);

  private final UnsettledEnds unsettled;
  private final SessionStore sessions;
  private final SessionService sessionService;
  private final SessionStarts starts;
  private final SessionControl control;
  private final Counter started;
  private final Counter redelivered;
  private final MessageSignals signals;
  private final LanesLeftBehind lanes;
  private final Clock clock;
  private final Duration grace;
  private final Duration messageGrace;
  private final AtomicInteger lastUnsettled = new AtomicInteger();
  private final AtomicLong lastPassAt = new AtomicLong();
  private final Counter passes;
  private final Counter asked;
  private final Counter stranded;

  public ReconcilerActivitiesImpl(
      UnsettledEnds unsettled,
      SessionStore sessions,
      SessionService sessionService,
      SessionStarts starts,
      SessionControl control,
      MessageSignals signals,
      LanesLeftBehind lanes,
      Clock clock,
      MeterRegistry meters,
      @Value("${sessionflow.reconciler.grace:2m}") Duration grace,
      @Value("${sessionflow.reconciler.message-grace:20s}") Duration messageGrace) {
    this.unsettled = unsettled;
    this.sessions = sessions;
    this.sessionService = sessionService;
    this.starts = starts;
    this.control = control;
    this.started = meters.counter(STARTED_METRIC);
    this.redelivered = meters.counter(REDELIVERED_METRIC);
    this.signals = signals;
    this.lanes = lanes;
    this.clock = clock;
    this.grace = grace;
    this.messageGrace = messageGrace;
    // Only the replica that ran the latest pass reports a count: another one's would be stale.
    Gauge.builder(UNSETTLED_METRIC, this, ReconcilerActivitiesImpl::freshCount)
        .description("sessions ENDED but unsettled for longer than the grace period")
        .register(meters);
    this.passes = meters.counter(PASSES_METRIC);
    this.asked = meters.counter(ASKED_METRIC);
    this.stranded = meters.counter(STRANDED_METRIC);
  }

  @Override
  public Reconciled finishStrandedEnds() {
    Instant before = clock.instant().minus(grace);
    int found = unsettled.count(before);
    lastUnsettled.set(found);
    lastPassAt.set(clock.millis());
    passes.increment();
    int askedNow = 0;
    int strandedNow = 0;
    for (String sessionId : unsettled.sessionIds(before.minus(ASKS_FOR), before, PER_PASS)) {
      var session = sessions.find(sessionId);
      if (session.isEmpty()) {
        continue;
      }
      askedNow++;
      asked.increment();
      if (!sessionService.askToFinish(session.get())) {
        strandedNow++;
        stranded.increment();
        log.warn("session {} is ended but unsettled and its workflow cannot finish it", sessionId);
      }
      Activity.getExecutionContext().heartbeat(askedNow);
    }
    return new Reconciled(found, askedNow, strandedNow, 0);
  }

  @Override
  public int startSessionsLeftBehind() {
    int delivered = 0;
    for (String sessionId : starts.leftBehind(clock.instant().minus(grace), PER_PASS)) {
      var session = sessions.find(sessionId);
      var message = starts.latestEndUserMessage(sessionId);
      if (session.isEmpty() || message.isEmpty()) {
        starts.started(sessionId); // nothing to start it with
        continue;
      }
      control.deliver(session.get(), message.get()); // not running: started with it
      delivered++;
      started.increment();
      log.info("session {} was opened but not started: started it", sessionId);
    }
    return delivered;
  }

  @Override
  public int redeliverMessagesLeftBehind() {
    int delivered = 0;
    for (var pending : signals.leftBehind(clock.instant().minus(messageGrace), PER_PASS)) {
      var session = sessions.find(pending.sessionId());
      if (session.isEmpty()) {
        continue; // the message row names a session the store has: not reached
      }
      control.deliver(session.get(), pending.message()); // its outbox row goes when signalled
      delivered++;
      redelivered.increment();
      log.info(
          "message {} of session {} was stored but maybe not signalled: signalled it",
          pending.message().messageId(),
          pending.sessionId());
      Activity.getExecutionContext().heartbeat(delivered);
    }
    signals.flush();
    return delivered;
  }

  @Override
  public int wakeLanesLeftBehind() {
    return lanes.wake();
  }

  private double freshCount() {
    long age = clock.millis() - lastPassAt.get();
    return age <= SessionReconciler.PERIOD.multipliedBy(3).toMillis()
        ? lastUnsettled.get()
        : Double.NaN;
  }
}
