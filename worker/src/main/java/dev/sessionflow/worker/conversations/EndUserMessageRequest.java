package dev.sessionflow.worker.conversations;

import dev.sessionflow.activities.settings.ChannelOverride;
import dev.sessionflow.activities.settings.Locales;
import dev.sessionflow.activities.support.Limits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A message from the end user, relayed by the messaging channel.
 *
 * @param locale the end user's language (BCP 47, such as {@code pt-BR}); the texts the service
 *     sends them follow the last one named
 * @param channel the channel it came through ({@code whatsapp}; {@code web} when left out): a new
 *     session runs with that channel's settings
 */
public record EndUserMessageRequest(
    @NotNull @Pattern(regexp = Limits.ID_PATTERN) String messageId,
    @NotNull @Pattern(regexp = Limits.ID_PATTERN) String endUserId,
    @Size(max = Limits.END_USER_NAME) String endUserName,
    @NotNull @Size(min = 1, max = Limits.MESSAGE_TEXT) String text,
    @Size(max = Locales.MAX_LENGTH) @Pattern(regexp = Locales.PATTERN) String locale,
    @Pattern(regexp = ChannelOverride.NAME_PATTERN) String channel) {

  public EndUserMessageRequest(
      String messageId, String endUserId, String endUserName, String text) {
    this(messageId, endUserId, endUserName, text, null, null);
  }
}
