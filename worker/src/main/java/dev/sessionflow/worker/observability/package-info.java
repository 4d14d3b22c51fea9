/**
 * What ops see of the service: the ids of the session, ticket and workflow in every log line's MDC
 * (HTTP requests, workflow code and activities alike) and, when enabled, traces.
 */
package dev.sessionflow.worker.observability;
