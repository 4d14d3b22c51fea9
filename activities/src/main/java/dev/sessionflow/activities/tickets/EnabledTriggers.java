package dev.sessionflow.activities.tickets;

/**
 * Whether any trigger is enabled, asked in a settlement's transaction: the settlement records it
 * with its outcome, and the session starts the triggers only when one could react. Automation's
 * trigger store answers it; tickets sit below automation and do not depend on its stores.
 */
public interface EnabledTriggers {
  boolean anyEnabled();
}
