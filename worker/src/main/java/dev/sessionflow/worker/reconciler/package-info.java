/**
 * The reconciler's side in the service: its schedule (created at start-up; on the in-process
 * server, which has no schedules, a timer of the service starts each pass), its activity and its
 * metrics.
 */
package dev.sessionflow.worker.reconciler;
