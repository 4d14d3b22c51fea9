package dev.sessionflow.worker.sessions;

import java.util.List;

/**
 * A page of sessions, newest first.
 *
 * @param next pass as {@code ?after=} for the next page; null on the last page
 */
public record SessionPage(List<SessionResponse> sessions, String next) {}
