/**
 * Start-up: the Temporal mode (embedded or a server), the database URL, search attributes,
 * production guards, and the OpenAPI document's customisers.
 */
package dev.sessionflow.worker.config;
