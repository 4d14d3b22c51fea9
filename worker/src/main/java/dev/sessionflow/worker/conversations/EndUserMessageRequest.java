package dev.sessionflow.worker.conversations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A message from the end user, relayed by the messaging channel. */
public record EndUserMessageRequest(
    @NotNull @Pattern(regexp = "[A-Za-z0-9._:@-]{1,128}") String messageId,
    @NotNull @Pattern(regexp = "[A-Za-z0-9._:@-]{1,128}") String endUserId,
    @Size(max = 256) String endUserName,
    @NotNull @Size(min = 1, max = 16_384) String text) {}
