/**
 * Start-up guards and shared beans: a database URL the service can use (or a refusal naming the
 * fix), what {@code prod} refuses to start on, and the clock.
 */
package dev.sessionflow.worker.startup;
