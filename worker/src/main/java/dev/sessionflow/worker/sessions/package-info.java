/**
 * Sessions: agent replies, ends (idempotent, exactly one of concurrent ends wins), reads and scoped
 * lists, and the gateway to the session workflows.
 */
package dev.sessionflow.worker.sessions;
