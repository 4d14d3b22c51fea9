package dev.sessionflow.worker.sessions;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An agent's reply. */
public record AgentMessageRequest(
    @NotNull @Pattern(regexp = "[A-Za-z0-9._:@-]{1,128}") String messageId,
    @NotNull @Size(min = 1, max = 16_384) String text) {}
