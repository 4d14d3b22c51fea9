package dev.sessionflow.workflows.session;

/** Where the satisfaction survey of a session stands. */
public enum CsatStatus {
  NOT_SENT,
  SKIPPED,
  SENT,
  ANSWERED,
  EXPIRED
}
