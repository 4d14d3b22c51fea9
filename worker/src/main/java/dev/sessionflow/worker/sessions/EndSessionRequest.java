package dev.sessionflow.worker.sessions;

import dev.sessionflow.activities.support.Limits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /sessions/{id}/end}, all optional.
 *
 * @param reason why the session ends (default RESOLVED), e.g. RESOLVED, ESCALATED, SPAM
 * @param sendCsat false ends the session without a survey
 * @param lastSeenSequence the {@code sequence} of the last message the caller saw: the session
 *     decides (assignee, survey) only once it has followed that far
 */
public record EndSessionRequest(
    @Size(min = 1, max = Limits.END_REASON) @Pattern(regexp = Limits.END_REASON_PATTERN)
        String reason,
    Boolean sendCsat,
    @PositiveOrZero Long lastSeenSequence) {}
