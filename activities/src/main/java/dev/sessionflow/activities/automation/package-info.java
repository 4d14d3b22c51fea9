/**
 * Macros, triggers and the outcome of every applied step, and the {@code AutomationActivities} that
 * apply a step to a ticket, its session or its conversation.
 *
 * <p>The top of the module: it uses {@code tickets}, {@code sessions}, {@code conversations} and
 * {@code settings}, and reaches running sessions through {@link SessionControl}, which the worker
 * implements. Its trigger store answers the tickets' {@link
 * dev.sessionflow.activities.tickets.EnabledTriggers}.
 */
package dev.sessionflow.activities.automation;
