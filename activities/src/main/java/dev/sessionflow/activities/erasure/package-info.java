/**
 * Erasure: an end user's personal data (their conversations' message texts, their name, their
 * survey comments) emptied in one transaction, with an {@code ERASED} audit entry on each of their
 * tickets and a record of the erasure that names them only by a hash. Uses the tables of {@code
 * conversations}, {@code sessions}, {@code csat} and {@code tickets} directly.
 */
package dev.sessionflow.activities.erasure;
