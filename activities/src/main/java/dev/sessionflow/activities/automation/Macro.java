package dev.sessionflow.activities.automation;

import dev.sessionflow.workflows.automation.TicketAction;
import java.time.Instant;
import java.util.List;

/** A named list of actions an agent applies to a ticket in one step. */
public record Macro(
    String macroId,
    String name,
    List<TicketAction> actions,
    Instant createdAt,
    Instant updatedAt) {}
