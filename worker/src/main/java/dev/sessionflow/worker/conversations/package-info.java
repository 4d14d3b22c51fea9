/**
 * The channel's side: end-user messages into a conversation's open session, and transcripts as each
 * caller may see them.
 */
package dev.sessionflow.worker.conversations;
