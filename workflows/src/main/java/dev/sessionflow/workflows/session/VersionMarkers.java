package dev.sessionflow.workflows.session;

import java.util.List;

/**
 * Every {@code Workflow.getVersion} marker of the session workflow, in one place, with the recorded
 * histories (in {@code workflows/src/test/resources/histories}) that replay each branch in CI.
 * {@code SessionHistoryReplayTest} checks that each new-branch history carries its marker.
 */
public enum VersionMarkers {
  DURABLE_END(
      MessagingSessionImpl.DURABLE_END,
      2,
      "an end Update is durable before its side effects: 1 ms timer (1), close activity (2)",
      List.of("agent-end-v0", "end-user-end-v0"),
      List.of("agent-end", "agent-end-v2")),
  LOCAL_WARNING(
      MessagingSessionImpl.LOCAL_WARNING,
      1,
      "the inactivity warning is a local activity",
      List.of("auto-close"),
      List.of("auto-close-local-warning")),
  TICKET_AUTOMATION(
      MessagingSessionImpl.TICKET_AUTOMATION,
      1,
      "ends from macros and triggers; triggers after a settlement",
      List.of("agent-end-v0"),
      List.of("macro-escalation", "triggers-after-settle")),
  CARRIED_END(
      MessagingSessionImpl.CARRIED_END,
      1,
      "flush, drain, decide before continue-as-new; a run carried in ended but unclosed closes",
      List.of("inactive-then-active"),
      List.of("continue-as-new", "carried-end-close")),
  END_AFTER_SEEN(
      MessagingSessionImpl.END_AFTER_SEEN,
      1,
      "an end waits until the session saw the caller's last message",
      List.of("agent-end-v2"),
      List.of("end-after-seen")),
  BOUNDED_STORE_RETRY(
      StoreRetry.BOUNDED_STORE_RETRY,
      1,
      "a failing store write stops after quick attempts, alerts, retries hourly or on retryStore",
      List.of("agent-end-v2"),
      List.of("store-outage", "store-stalled")),
  SURVEY_ID_RECEIPT(
      SurveyInvitations.SURVEY_ID_RECEIPT,
      1,
      "the survey goes out through InviteToSurvey, whose receipt names the survey, not its token",
      List.of("agent-end-v2", "webhook-children"),
      List.of("survey-id-receipt"));

  /** The change id passed to {@code Workflow.getVersion}. */
  public final String changeId;

  public final int maxVersion;
  public final String change;

  /**
   * Histories of the branch before the change (recorded by older code, or where it is not asked).
   */
  public final List<String> before;

  /** Histories of the branch after it: each records the marker. */
  public final List<String> after;

  VersionMarkers(
      String changeId, int maxVersion, String change, List<String> before, List<String> after) {
    this.changeId = changeId;
    this.maxVersion = maxVersion;
    this.change = change;
    this.before = before;
    this.after = after;
  }
}
