package dev.sessionflow.worker.automation;

import dev.sessionflow.activities.automation.Macro;
import dev.sessionflow.activities.automation.MacroStore;
import dev.sessionflow.worker.access.AccessChecks;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.workflows.automation.AutomationRequest;
import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.model.AutomationSource;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Macros as agents use them: the menu, and applying one to a ticket. */
@Service
public class MacroService {
  private final MacroStore macros;
  private final AutomationRunner runner;
  private final AccessChecks access;

  public MacroService(MacroStore macros, AutomationRunner runner, AccessChecks access) {
    this.macros = macros;
    this.runner = runner;
    this.access = access;
  }

  public Macro create(String name, List<TicketAction> actions) {
    return macros.create(name, actions);
  }

  public List<Macro> list() {
    return macros.list();
  }

  /**
   * Applies the macro durably as {@code caller}; the run completes, or is still RUNNING after the
   * runner's wait. A retry with the same idempotency key joins the first run.
   */
  public AutomationRun apply(
      String ticketId, String macroId, Caller caller, String idempotencyKey) {
    Macro macro = macros.find(macroId).orElseThrow(() -> MacroController.notFound(macroId));
    access.ticket(caller, ticketId, true);
    return runner.run(
        new AutomationRequest(
            RunIds.of(ticketId, "macro-" + macroId, idempotencyKey),
            ticketId,
            Actors.of(caller),
            new AutomationSource(AutomationSource.Kind.MACRO, macro.macroId(), macro.name()),
            macro.actions(),
            Map.of()));
  }
}
