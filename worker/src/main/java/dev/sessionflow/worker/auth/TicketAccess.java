package dev.sessionflow.worker.auth;

/**
 * Which tickets an agent may see and work on, as helpdesks scope agents.
 *
 * <ul>
 *   <li>{@code ALL}: every ticket (the default).
 *   <li>{@code GROUPS}: tickets in one of the agent's groups; of those, the agent may change the
 *       unassigned ones and their own.
 *   <li>{@code ASSIGNED}: sessions assigned to the agent, plus unassigned ones (which the agent
 *       picks up by replying).
 * </ul>
 */
public enum TicketAccess {
  ALL,
  GROUPS,
  ASSIGNED
}
