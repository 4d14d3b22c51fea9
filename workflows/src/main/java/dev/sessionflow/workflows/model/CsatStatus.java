package dev.sessionflow.workflows.model;

/** Where the satisfaction survey of a session stands. */
public enum CsatStatus {
  NOT_SENT,
  SKIPPED,
  SENT,
  ANSWERED,
  EXPIRED
}
