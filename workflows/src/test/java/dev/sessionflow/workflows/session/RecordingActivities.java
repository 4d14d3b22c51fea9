package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.activities.Closed;
import dev.sessionflow.workflows.activities.ConversationActivities;
import dev.sessionflow.workflows.activities.CsatActivities;
import dev.sessionflow.workflows.activities.InvitedAndSettled;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.activities.SessionProgress;
import dev.sessionflow.workflows.activities.SessionStoreActivities;
import dev.sessionflow.workflows.activities.SettleOutcome;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.activities.StoredMessage;
import dev.sessionflow.workflows.activities.SurveyInvitation;
import dev.sessionflow.workflows.activities.SurveyReceipt;
import dev.sessionflow.workflows.activities.SurveyRequest;
import dev.sessionflow.workflows.activities.SystemMessage;
import dev.sessionflow.workflows.activities.TicketActivities;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.model.TicketFacts;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory side effects that record every call, for workflow tests. The ticket store can be told
 * to fail its first attempts, as a flaky database would.
 */
class RecordingActivities
    implements SessionStoreActivities, ConversationActivities, CsatActivities, TicketActivities {

  /** Webhook posts, recorded; registered only where a test delivers webhooks through it. */
  static final class Webhooks implements dev.sessionflow.workflows.webhooks.WebhookActivities {
    final List<dev.sessionflow.workflows.webhooks.WebhookCall> calls = new CopyOnWriteArrayList<>();

    @Override
    public void post(dev.sessionflow.workflows.webhooks.WebhookCall call) {
      calls.add(call);
    }
  }

  final List<SessionProgress> progress = new CopyOnWriteArrayList<>();
  final List<SessionClosing> closings = new CopyOnWriteArrayList<>();
  final List<SystemMessage> systemMessages = new CopyOnWriteArrayList<>();
  final List<SurveyRequest> surveys = new CopyOnWriteArrayList<>();
  final List<SurveyRequest> legacySurveys = new CopyOnWriteArrayList<>();
  final List<Settlement> settlements = new CopyOnWriteArrayList<>();
  final AtomicInteger settleAttempts = new AtomicInteger();
  volatile int settleFailuresLeft;
  volatile int closeFailuresLeft;

  /**
   * The hazard lost workflow tasks stand for, reintroduced for the property test to catch: a store
   * that takes a repeated close or settlement (the retry of a task lost after its local activity
   * wrote) as a new one. Off: the store answers a repeat with its first outcome, as the real one.
   */
  volatile boolean forgetsRepeats;

  /** Closes the store refuses for good, as a database refuses a write that breaks a constraint. */
  volatile int closeRefusalsLeft;

  /** How many closes were tried, refused ones included. */
  final java.util.concurrent.atomic.AtomicInteger closeTries =
      new java.util.concurrent.atomic.AtomicInteger();

  volatile int warningFailuresLeft;

  /** Which read-model writes the store refuses, as a database that is down would. */
  volatile java.util.function.Predicate<SessionProgress> refuseProgress = p -> false;

  /** Runs inside each close, as other things happen while a slow store writes. */
  volatile java.util.function.Consumer<SessionClosing> whileClosing = closing -> {};

  /** Runs inside each survey, as other things happen while a slow mail server sends. */
  volatile java.util.function.Consumer<SurveyRequest> whileSurveying = request -> {};

  /** Settlements refused for good: the ticket does not exist. */
  volatile int settleRefusalsLeft;

  /** With failing settlements: the delay before each retry (null: the activity's own backoff). */
  volatile java.time.Duration settleRetryDelay;

  /** Whether settlements report enabled triggers (the session then starts a trigger run). */
  volatile boolean triggersActive;

  @Override
  public void recordProgress(SessionProgress p) {
    if (refuseProgress.test(p)) {
      throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
          "database down", "Outage");
    }
    progress.add(p);
  }

  @Override
  public void closeSession(SessionClosing closing) {
    closeTries.incrementAndGet();
    if (closeRefusalsLeft > 0) {
      closeRefusalsLeft--;
      throw dev.sessionflow.workflows.activities.StoreRefusals.refused(
          "value too long for column ended_notice", null);
    }
    if (closeFailuresLeft > 0) {
      closeFailuresLeft--;
      throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
          "database down", "Outage");
    }
    whileClosing.accept(closing);
    closings.add(closing);
  }

  @Override
  public SettleOutcome closeAndSettle(SessionClosing closing, Settlement settlement) {
    // A retry after the settlement failed repeats the close, and so does a workflow task that
    // failed after the local activity ran (a new event arrived while it completed the workflow):
    // the store ends a session once per round and settles a round once, answering the first
    // outcome. So does this store.
    if (forgetsRepeats
        || closings.stream()
            .noneMatch(
                c -> c.sessionId().equals(closing.sessionId()) && c.round() == closing.round())) {
      closeSession(closing);
    }
    if (!forgetsRepeats
        && settlements.stream()
            .anyMatch(
                s ->
                    s.sessionId().equals(settlement.sessionId())
                        && s.round() == settlement.round())) {
      return outcome(settlement);
    }
    return settle(settlement);
  }

  /** The ends the store holds, by session and round; a test may put one there first. */
  final java.util.Map<String, SessionEnd> heldEnds = new java.util.concurrent.ConcurrentHashMap<>();

  /** Messages the store holds whose signals never reached their session, by session. */
  final java.util.Map<String, List<StoredMessage>> unsignalled =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The settings version the store holds (0: none newer than any a session holds). */
  volatile long settingsVersion;

  /** Warnings and auto-closes the store refused, for newer settings. */
  final List<Object> refusedForSettings = new CopyOnWriteArrayList<>();

  private boolean newerSettingsThan(Long decidedUnder) {
    return decidedUnder != null && settingsVersion > decidedUnder;
  }

  /** System ends the store refused, for messages the session missed. */
  final List<SessionClosing> refusals = new CopyOnWriteArrayList<>();

  static String heldKey(String sessionId, int round) {
    return sessionId + "/" + round;
  }

  @Override
  public Closed closeAsDecided(SessionClosing closing, Settlement settlement) {
    // As the store: a system end waits on what the session missed; the first end stays the end.
    if (closing.seenSequence() != null) {
      List<StoredMessage> missed =
          unsignalled.getOrDefault(closing.sessionId(), List.of()).stream()
              .filter(m -> m.sequence() > closing.seenSequence())
              .toList();
      if (!missed.isEmpty()) {
        refusals.add(closing);
        return Closed.refused(missed);
      }
    }
    if (newerSettingsThan(closing.settingsVersion())) {
      refusedForSettings.add(closing);
      return Closed.refusedForSettings(settingsVersion);
    }
    if (forgetsRepeats) {
      closeSession(closing);
      heldEnds.put(heldKey(closing.sessionId(), closing.round()), closing.end());
    }
    SessionEnd held =
        heldEnds.computeIfAbsent(
            heldKey(closing.sessionId(), closing.round()),
            key -> {
              closeSession(closing);
              return closing.end();
            });
    if (settlement == null || !held.sameDecisionAs(closing.end())) {
      return Closed.as(held, null);
    }
    if (!forgetsRepeats
        && settlements.stream()
            .anyMatch(
                s ->
                    s.sessionId().equals(settlement.sessionId())
                        && s.round() == settlement.round())) {
      return Closed.as(held, outcome(settlement));
    }
    return Closed.as(held, settle(settlement));
  }

  @Override
  public Long postWarning(SystemMessage message, Long decidedUnder) {
    if (newerSettingsThan(decidedUnder)) {
      refusedForSettings.add(message);
      return settingsVersion;
    }
    postSystemMessage(message);
    return null;
  }

  @Override
  public void postSystemMessage(SystemMessage message) {
    if (warningFailuresLeft > 0) {
      warningFailuresLeft--;
      throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
          "database down", "Outage");
    }
    systemMessages.add(message);
  }

  @Override
  public SurveyInvitation inviteToSurvey(SurveyRequest request) {
    whileSurveying.accept(request);
    surveys.add(request);
    return new SurveyInvitation("survey-" + request.sessionId(), Instant.EPOCH);
  }

  @Override
  public InvitedAndSettled inviteAndSettle(SurveyRequest request, Settlement settlement) {
    // As the store: a retry sends no second survey and answers the first settlement's outcome.
    SurveyInvitation invitation =
        surveys.stream().anyMatch(r -> r.sessionId().equals(request.sessionId()))
            ? new SurveyInvitation("survey-" + request.sessionId(), Instant.EPOCH)
            : inviteToSurvey(request);
    Settlement withSurvey = settlement.withCsat(CsatStatus.SENT);
    if (settlements.stream()
        .anyMatch(
            s -> s.sessionId().equals(settlement.sessionId()) && s.round() == settlement.round())) {
      return new InvitedAndSettled(invitation, outcome(withSurvey));
    }
    return new InvitedAndSettled(invitation, settle(withSurvey));
  }

  /** Older sessions' activity type: the tests see which of the two a session scheduled. */
  @Override
  public SurveyReceipt sendSurvey(SurveyRequest request) {
    whileSurveying.accept(request);
    legacySurveys.add(request);
    surveys.add(request);
    return new SurveyReceipt(null, Instant.EPOCH);
  }

  @Override
  public SettleOutcome settle(Settlement settlement) {
    settleAttempts.incrementAndGet();
    if (settleRefusalsLeft > 0) {
      settleRefusalsLeft--;
      throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
          "ticket " + settlement.ticketId() + " does not exist", "UnknownTicket");
    }
    if (settleFailuresLeft > 0) {
      settleFailuresLeft--;
      if (settleRetryDelay != null) {
        throw io.temporal.failure.ApplicationFailure.newFailureWithCauseAndDelay(
            "ticket store unavailable", "Outage", null, settleRetryDelay);
      }
      throw new IllegalStateException("ticket store unavailable");
    }
    settlements.add(settlement);
    return outcome(settlement);
  }

  private SettleOutcome outcome(Settlement settlement) {
    TicketFacts before =
        new TicketFacts(
            settlement.ticketId(), settlement.sessionId(), "tier-1", "OPEN", "ENDED", null, null);
    TicketFacts after =
        new TicketFacts(
            settlement.ticketId(),
            settlement.sessionId(),
            settlement.group() == null ? "tier-1" : settlement.group(),
            settlement.status(),
            "ENDED",
            settlement.end().reason(),
            settlement.end().endedBy().name());
    return new SettleOutcome(before, after, triggersActive);
  }
}
