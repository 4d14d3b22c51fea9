/**
 * CSAT surveys: at most one per session, its token, its answer (the rating goes onto the ticket),
 * and the {@code CsatActivities} that send it.
 *
 * <p>Above {@code tickets}, below {@code sessions} (whose listing shows each session's survey). The
 * invitation goes into the transcript through {@link Transcript}, which the message store ({@code
 * conversations.MessageStore}) is, and asks its question in the end user's language through {@link
 * QuestionTranslations}, which the settings' {@code LocalTexts} are.
 */
package dev.sessionflow.activities.csat;
