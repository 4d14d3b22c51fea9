package dev.sessionflow.workflows.activities;

import dev.sessionflow.workflows.model.SessionEnd;
import java.time.Instant;

/**
 * The end of a session as the store must apply it, at once: the session is ENDED, the end user is
 * told so, and the conversation is free for a new session. {@code round} counts reopens: the end of
 * each round is told once. Until {@code reopenUntil} (null: never) a new end-user message reopens
 * this session instead of opening a new one.
 *
 * <p>{@code seenSequence}, for a system end only: the highest store sequence the session was told
 * of. The store refuses such an end while it holds a newer message of the session (its signal was
 * lost or is late), so no session auto-closes on an end user who wrote. Null for any other end.
 *
 * <p>{@code settingsVersion}, for a system end only: the settings version the session decided it
 * under. The store refuses such an end while it holds newer settings (sessions pull settings; only
 * a change that brings a deadline sooner is pushed), so a session never auto-closes on a deadline
 * an admin has since moved later. Null: any settings.
 */
public record SessionClosing(
    String sessionId,
    String conversationId,
    long revision,
    String assignedAgentId,
    SessionEnd end,
    String endedNoticeText,
    int round,
    Instant reopenUntil,
    Long seenSequence,
    Long settingsVersion) {

  public SessionClosing(
      String sessionId,
      String conversationId,
      long revision,
      String assignedAgentId,
      SessionEnd end,
      String endedNoticeText,
      int round,
      Instant reopenUntil) {
    this(
        sessionId,
        conversationId,
        revision,
        assignedAgentId,
        end,
        endedNoticeText,
        round,
        reopenUntil,
        null,
        null);
  }
}
