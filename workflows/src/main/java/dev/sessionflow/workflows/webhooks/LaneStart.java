package dev.sessionflow.workflows.webhooks;

/**
 * A lane and the message that started it: a lane with no position yet starts at the beginning of
 * that message's session (so messages stored concurrently just before it are not skipped).
 */
public record LaneStart(String hookId, String conversationId, long fromSeq) {}
