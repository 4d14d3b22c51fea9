/**
 * Temporal at start-up: the embedded in-process server or a real one (by {@code TEMPORAL_ADDRESS}),
 * the session search attributes registered where they are missing, and Worker Versioning when a
 * build id is set (every worker polls as that Worker Deployment Version, workflows pinned to it).
 */
package dev.sessionflow.worker.temporal;
