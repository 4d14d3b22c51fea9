package dev.sessionflow.workflows.model;

/**
 * What asked for a change: a macro, a trigger, an agent's direct ticket update, or the end of a
 * session (whose settlement changed the ticket).
 *
 * @param id the macro's or trigger's id; the session id for SESSION_END; null for TICKET_UPDATE
 * @param name the macro's or trigger's name when it ran
 */
public record AutomationSource(Kind kind, String id, String name) {

  public enum Kind {
    MACRO,
    TRIGGER,
    TICKET_UPDATE,
    SESSION_END
  }

  /** Short and stable, for search attributes: {@code macro:12}, {@code trigger:3}. */
  public String label() {
    return id == null ? kind.name().toLowerCase() : kind.name().toLowerCase() + ":" + id;
  }

  /** For people: {@code macro 12 "Escalate to Tier 2"}. */
  public String describe() {
    String text = kind.name().toLowerCase().replace('_', ' ') + (id == null ? "" : " " + id);
    return name == null ? text : text + " \"" + name + "\"";
  }
}
