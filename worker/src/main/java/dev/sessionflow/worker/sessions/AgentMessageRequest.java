package dev.sessionflow.worker.sessions;

import dev.sessionflow.activities.support.Limits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An agent's reply. */
public record AgentMessageRequest(
    @NotNull @Pattern(regexp = Limits.ID_PATTERN) String messageId,
    @NotNull @Size(min = 1, max = Limits.MESSAGE_TEXT) String text) {}
