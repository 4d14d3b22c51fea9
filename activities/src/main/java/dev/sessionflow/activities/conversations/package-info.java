/**
 * Conversations and their transcripts. Every write that decides a message's session holds the
 * conversation's lock ({@code ConversationLocks}): the {@code ConversationStore} opens a session
 * with its ticket or reopens it, and {@code SessionCloses} closes it (ENDED, the notice, the
 * conversation released), each in one transaction. The {@code MessageStore} stores and reads the
 * messages, each once, through the typed {@code NewMessage}. The session workflow's store
 * activities ({@code SessionStoreActivities}, {@code ConversationActivities}) are here for that
 * reason.
 *
 * <p>Above {@code sessions}, {@code tickets} and {@code csat} (it is their {@link
 * dev.sessionflow.activities.csat.Transcript}); only {@code automation} is above it.
 */
package dev.sessionflow.activities.conversations;
