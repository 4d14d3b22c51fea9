package dev.sessionflow.activities.support;

/**
 * A well-formed request that the store cannot take because a count limit is reached (at most 100
 * triggers, say): a conflict with the stored state, not bad input, so a client learns to delete
 * before it adds.
 */
public class LimitReachedException extends RuntimeException {
  public LimitReachedException(String message) {
    super(message);
  }
}
