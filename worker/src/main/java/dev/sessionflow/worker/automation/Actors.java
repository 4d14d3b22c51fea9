package dev.sessionflow.worker.automation;

import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.workflows.automation.Actor;
import dev.sessionflow.workflows.model.EndedBy;

/** The caller as the actor of a ticket update: an agent (by id) or an admin (by name). */
public final class Actors {
  private Actors() {}

  public static Actor of(Caller caller) {
    return switch (caller.role()) {
      case AGENT -> new Actor(EndedBy.AGENT, caller.agentId());
      case ADMIN -> new Actor(EndedBy.ADMIN, caller.getName());
      case CHANNEL, VISITOR ->
          throw new IllegalArgumentException("an end user's side does not update tickets");
    };
  }
}
