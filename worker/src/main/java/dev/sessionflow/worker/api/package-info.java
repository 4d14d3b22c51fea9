/**
 * What every endpoint shares: RFC 9457 problems with stable types, list cursors, id checks, body
 * and query-string guards.
 */
package dev.sessionflow.worker.api;
