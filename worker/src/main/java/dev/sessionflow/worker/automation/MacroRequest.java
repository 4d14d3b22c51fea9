package dev.sessionflow.worker.automation;

import dev.sessionflow.workflows.automation.TicketAction;
import java.util.List;

/** A macro as admins write it: a name and 1 to 20 actions. */
public record MacroRequest(String name, List<TicketAction> actions) {}
