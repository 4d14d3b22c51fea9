/**
 * The values shared by the session and automation workflows and by the activity contracts: how a
 * session ended ({@link SessionEnd}, {@link EndedBy}, the macro or trigger it came {@link
 * AutomationSource via}), its status and its survey's status, and a ticket as triggers see it
 * ({@link TicketFacts}).
 *
 * <p>The bottom layer of the module: it uses no other package of it. These values travel in
 * workflow histories as their fields (no type names), so a type may change package but not its
 * fields.
 */
package dev.sessionflow.workflows.model;
