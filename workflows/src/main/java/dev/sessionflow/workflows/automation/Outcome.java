package dev.sessionflow.workflows.automation;

/** What became of one action. */
public enum Outcome {
  /** The action changed the ticket or its session. */
  APPLIED,
  /** Nothing to do: the ticket was already that way (or its session already ended). */
  ALREADY_DONE,
  /** The actor may not do this (e.g. agents may not end sessions under the account setting). */
  FORBIDDEN,
  /** The action could not be applied (e.g. a message with no open session to carry it). */
  FAILED
}
