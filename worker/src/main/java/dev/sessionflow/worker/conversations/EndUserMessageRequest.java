package dev.sessionflow.worker.conversations;

import dev.sessionflow.activities.support.Limits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A message from the end user, relayed by the messaging channel. */
public record EndUserMessageRequest(
    @NotNull @Pattern(regexp = Limits.ID_PATTERN) String messageId,
    @NotNull @Pattern(regexp = Limits.ID_PATTERN) String endUserId,
    @Size(max = Limits.END_USER_NAME) String endUserName,
    @NotNull @Size(min = 1, max = Limits.MESSAGE_TEXT) String text) {}
