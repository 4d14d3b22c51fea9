/**
 * Conversations and their transcripts. Every write that decides a message's session holds the
 * conversation's lock, so the conversation store opens a session with its ticket, reopens it, and
 * closes it (ENDED, the notice, the conversation released) in one transaction. The session
 * workflow's store activities ({@code SessionStoreActivities}, {@code ConversationActivities}) are
 * here for that reason.
 *
 * <p>Above {@code sessions}, {@code tickets} and {@code csat} (it is their {@link
 * dev.sessionflow.activities.csat.Transcript}); only {@code automation} is above it.
 */
package dev.sessionflow.activities.conversations;
