/**
 * Escalation: macros an agent applies and triggers a ticket change sets off, run as durable
 * automation workflows.
 */
package dev.sessionflow.worker.automation;
