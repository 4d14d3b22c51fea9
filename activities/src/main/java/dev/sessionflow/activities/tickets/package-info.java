/**
 * Tickets: their fields, audit and settlements, and the {@code TicketActivities} that settle a
 * ticket once its session ended.
 *
 * <p>The lowest store of the module, above {@code support} and {@code metrics} only. Whether a
 * trigger could react to a settlement it asks through {@link EnabledTriggers}, which automation
 * answers.
 */
package dev.sessionflow.activities.tickets;
