package dev.sessionflow.workflows.reconciler;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface ReconcilerActivities {
  /**
   * Asks each session the store holds ENDED but unsettled for longer than the grace period to
   * finish: its end goes to the session again, as stored and under its request id, so a session
   * that missed it ends as stored (the store answers the same end) and one that knows it answers it
   * again. Safe to repeat.
   */
  Reconciled finishStrandedEnds();

  /**
   * Starts the sessions whose start a crash cut short: the store opened them (and wrote their row
   * in the outbox of starts) but no workflow was started. Each gets its latest end-user message,
   * which starts it; one already running drops it as a repeat. Answers how many it delivered.
   */
  int startSessionsLeftBehind();

  /**
   * Signals again the messages the API stored but whose signal a crash may have lost: their rows
   * are still in the outbox of message signals after the grace period. A session drops a message id
   * it has seen; one that has finished keeps the message in its transcript. Answers how many it
   * signalled.
   */
  int redeliverMessagesLeftBehind();

  /**
   * Wakes the channel lanes a crash (or a Temporal outage) left behind the store: conversations
   * with a message of the last minutes that a webhook wanting their events has not been delivered.
   * A lane that is running takes the wake as a repeat. Answers how many lanes it woke.
   */
  int wakeLanesLeftBehind();
}
