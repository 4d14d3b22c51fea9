/**
 * CSAT surveys: at most one per session, its token, its answer (the rating goes onto the ticket),
 * and the {@code CsatActivities} that send it.
 *
 * <p>Above {@code tickets}, below {@code sessions} (whose listing shows each session's survey). The
 * invitation goes into the transcript through {@link Transcript}, which the message store ({@code
 * conversations.MessageStore}) is.
 */
package dev.sessionflow.activities.csat;
