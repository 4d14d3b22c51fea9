/**
 * Retention: the setting (how long transcripts and survey comments are kept after their session
 * ended), the purge the retention pass runs batch by batch, its dry run and its record. Uses the
 * tables of {@code conversations}, {@code sessions} and {@code csat} directly, and nothing of their
 * packages.
 */
package dev.sessionflow.activities.retention;
