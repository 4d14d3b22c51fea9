/**
 * The {@code WebhookDelivery} workflow (one event to one receiver, retried for a day, apart from
 * the session that raised it), its activity contract and the events sessions raise. It uses no
 * other package of the module; {@code session} starts it.
 */
package dev.sessionflow.workflows.webhooks;
