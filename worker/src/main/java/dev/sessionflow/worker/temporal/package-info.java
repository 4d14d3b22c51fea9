/**
 * Temporal at start-up: the embedded in-process server or a real one (by {@code TEMPORAL_ADDRESS}),
 * and the session search attributes registered where they are missing.
 */
package dev.sessionflow.worker.temporal;
