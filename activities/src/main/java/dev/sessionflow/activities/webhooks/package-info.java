/**
 * Webhook receivers (secrets encrypted), the guarded destinations they may have, signed delivery
 * and its record. It uses only {@code support}.
 */
package dev.sessionflow.activities.webhooks;
