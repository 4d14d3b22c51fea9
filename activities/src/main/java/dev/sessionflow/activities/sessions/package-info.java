/**
 * The session read model that the HTTP API serves (each session with its survey) and the answers
 * kept for idempotent end requests.
 *
 * <p>Above {@code csat}; below {@code conversations}, which opens, reopens and closes sessions.
 */
package dev.sessionflow.activities.sessions;
