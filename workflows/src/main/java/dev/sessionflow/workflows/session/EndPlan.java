package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.model.SessionEnd;

/**
 * How an end proceeds, decided once when the session ends; {@link AfterEnd} carries it out.
 *
 * <p>The factories ask the version markers exactly as the branches they replace did (same markers,
 * same order, same short cuts), so every recorded history replays unchanged.
 *
 * @param automationRules the end follows the rules of {@link VersionMarkers#TICKET_AUTOMATION}
 * @param closeAfterAcceptance close through a regular activity, so that the Update that asked for
 *     the end is durable before the store changes; otherwise a local activity in the deciding task
 * @param settleWithClose the close settles the ticket too, in one local activity (no survey)
 * @param byTheClock the clock's end: the store may refuse it for messages the session missed or for
 *     newer settings
 */
record EndPlan(
    boolean automationRules,
    boolean closeAfterAcceptance,
    boolean settleWithClose,
    boolean byTheClock) {

  /** A run's carried end: closed locally, under the plain rules. */
  static final EndPlan CARRIED = new EndPlan(false, false, false, false);

  /**
   * An auto-close. One that wants no survey closes and settles in the workflow task that decided
   * it: no activity task and no workflow task more for the server ({@link
   * VersionMarkers#SYSTEM_END_IN_ONE_TASK}).
   */
  static EndPlan byClock(SessionEnd end) {
    boolean inOneTask = !end.csatWanted() && VersionMarkers.SYSTEM_END_IN_ONE_TASK.adopted();
    return new EndPlan(false, false, inOneTask, true);
  }

  /**
   * A macro's or trigger's end, whose {@code END_SESSION} step waits on the Update's answer and
   * repeats it under the same Update ID until answered. One that wants no survey, in a session that
   * cannot be reopened, closes and settles in the task that accepts the Update ({@link
   * VersionMarkers#AUTOMATED_END_IN_ONE_TASK}); a repeat after a lost task closes again (the store
   * ignores it) and settles again (the store answers the first outcome). With a reopen window a
   * reopening message could reach the session between the store's close and the repeat: such an end
   * is planned as a request's.
   *
   * @param afterAcceptance the Update is to be durable before the store changes ({@code
   *     durable-end} 2)
   */
  static EndPlan byAutomation(SessionEnd end, SessionPolicy policy, boolean afterAcceptance) {
    if (!end.csatWanted()
        && policy.reopenWithin() == null
        && VersionMarkers.AUTOMATED_END_IN_ONE_TASK.adopted()) {
      return new EndPlan(true, false, true, false);
    }
    return onRequest(policy, true, afterAcceptance);
  }

  /**
   * An end Update's (an agent, an admin, the end user; an automated end that wants a survey). In a
   * session without reopen window the close runs in the task that accepts the Update, which answers
   * once the store holds the end ({@link VersionMarkers#REQUESTED_END_IN_ONE_TASK}); a repeat after
   * a lost task closes once more, which the store ignores. Nothing that depends on the end can
   * reach the session in between: the store has released the conversation.
   */
  static EndPlan onRequest(SessionPolicy policy, boolean automationRules, boolean afterAcceptance) {
    boolean inAcceptingTask =
        policy.reopenWithin() == null && VersionMarkers.REQUESTED_END_IN_ONE_TASK.adopted();
    return new EndPlan(automationRules, afterAcceptance && !inAcceptingTask, false, false);
  }
}
