package dev.sessionflow.workflows.activities;

import dev.sessionflow.workflows.model.SessionEnd;
import java.time.Instant;

/**
 * The end of a session as the store must apply it, at once: the session is ENDED, the end user is
 * told so, and the conversation is free for a new session. {@code round} counts reopens: the end of
 * each round is told once. Until {@code reopenUntil} (null: never) a new end-user message reopens
 * this session instead of opening a new one.
 */
public record SessionClosing(
    String sessionId,
    String conversationId,
    long revision,
    String assignedAgentId,
    SessionEnd end,
    String endedNoticeText,
    int round,
    Instant reopenUntil) {}
