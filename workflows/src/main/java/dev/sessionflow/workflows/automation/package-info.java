/**
 * The {@code TicketAutomation} workflow: a macro's actions (or an agent's direct ticket change),
 * then the triggers the change sets off; its activity contract ({@link AutomationActivities}) and
 * the trigger rules it evaluates.
 *
 * <p>It uses {@code model} and {@code activities} ({@code Retries}), never {@code session}: a
 * session's end starts it as a child workflow, so it sits below the session package.
 */
package dev.sessionflow.workflows.automation;
