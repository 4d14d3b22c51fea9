/**
 * Per-ticket access: which tickets, sessions and conversations a caller may see and change (agents
 * by their ticket-access scope, channels by the conversations they created).
 */
package dev.sessionflow.worker.access;
