package dev.sessionflow.worker.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sessionflow.worker.api.ClosedObject;
import dev.sessionflow.worker.api.NotNullWhenSent;
import dev.sessionflow.worker.api.NullTurnsOff;
import dev.sessionflow.workflows.model.EndedBy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A change of the messaging settings as the API's {@code PUT} body has it: send only what changes.
 * A field left out is null (unchanged). The timers that can be turned off are {@code Optional}:
 * JSON null is {@code Optional.empty()}, "turn it off". Durations stay ISO-8601 text here, read by
 * {@link Durations}; ranges and the rules between fields are checked by the store on the settings
 * as the change leaves them.
 *
 * @param inactiveAfter JSON null is refused: this timer cannot be turned off
 * @param webhooks replaces the whole list
 */
@ClosedObject
public record SettingsChangeRequest(
    @NotNullWhenSent Boolean agentsCanEndSessions,
    @NullTurnsOff Optional<String> inactiveAfter,
    @NullTurnsOff Optional<String> autoCloseAfter,
    @NullTurnsOff Optional<String> warnBeforeClose,
    @NotNullWhenSent String warningText,
    @NotNullWhenSent String endedNoticeText,
    @NotNullWhenSent @Valid Csat csat,
    @NullTurnsOff Optional<String> reopenWithin,
    @NotNullWhenSent @Valid Settlement settlement,
    @NotNullWhenSent List<@Valid Hook> webhooks,
    @NotNullWhenSent @Valid Widget widget) {

  /** Only the widget's allowed origins, replaced by {@code origins}. */
  public static SettingsChangeRequest allowedOrigins(List<String> origins) {
    return new SettingsChangeRequest(
        null, null, null, null, null, null, null, null, null, null, new Widget(origins));
  }

  /** Whether the change touches the stored policy (CSAT, settlement, reopening). */
  boolean changesPolicy() {
    return csat != null || settlement != null || reopenWithin != null;
  }

  /** The survey: who ending a session sends one, the minimum interaction, expiry and question. */
  @ClosedObject
  public record Csat(
      @NotNullWhenSent Set<EndedBy> sendWhenEndedBy,
      @NotNullWhenSent Boolean requireAgentReply,
      @NotNullWhenSent Integer minEndUserMessages,
      @NotNullWhenSent String expiresAfter,
      @NotNullWhenSent String question,
      @NotNullWhenSent Integer scale) {}

  /** The ticket's status when a session ends: by default, and by end reason or by who ended it. */
  public record Settlement(
      @JsonProperty("default") @NotNullWhenSent String defaultStatus,
      @NotNullWhenSent Map<String, @Valid Rule> rules) {}

  /** A settlement rule: the status, and the group to move the ticket to (null: it stays). */
  public record Rule(@NotNull String status, String group) {}

  /** A receiver of channel events; its secret signs each delivery. */
  public record Hook(
      @NotNull @NotNullWhenSent String url,
      @NotNull @NotNullWhenSent String secret,
      @NotNull @NotNullWhenSent List<String> events) {}

  /** The web chat widget: the origins whose pages may start visitors (replaces the list). */
  @ClosedObject
  public record Widget(@NotNullWhenSent List<String> allowedOrigins) {}
}
