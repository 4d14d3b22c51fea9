package dev.sessionflow.worker.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sessionflow.activities.settings.ChannelOverride;
import dev.sessionflow.activities.settings.Locales;
import dev.sessionflow.activities.support.Limits;
import dev.sessionflow.activities.webhooks.WebhookSecrets;
import dev.sessionflow.worker.api.ClosedObject;
import dev.sessionflow.worker.api.NotNullWhenSent;
import dev.sessionflow.worker.api.NullTurnsOff;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A change of the messaging settings as the API's {@code PUT} body has it: send only what changes.
 * A field left out is null (unchanged). The timers that can be turned off are {@code Optional}:
 * JSON null is {@code Optional.empty()}, "turn it off". Durations stay ISO-8601 text here, read by
 * {@link Durations}; ranges and the rules between fields are checked by the store on the settings
 * as the change leaves them. The annotations are the OpenAPI schema too; {@link NotNullWhenSent}
 * fields keep the document from offering null where it is refused.
 *
 * @param inactiveAfter JSON null is refused: this timer cannot be turned off
 * @param webhooks replaces the whole list
 */
@ClosedObject
@Schema(name = "SettingsChange", additionalProperties = AdditionalPropertiesValue.FALSE)
public record SettingsChangeRequest(
    @NotNullWhenSent Boolean agentsCanEndSessions,
    @NullTurnsOff @Schema(implementation = SettingDuration.class) Optional<String> inactiveAfter,
    @NullTurnsOff @Schema(implementation = DurationOrOff.class) Optional<String> autoCloseAfter,
    @NullTurnsOff @Schema(implementation = DurationOrOff.class) Optional<String> warnBeforeClose,
    @NotNullWhenSent
        @Schema(minLength = 1, maxLength = Limits.SETTINGS_TEXT, pattern = Limits.NOT_BLANK_PATTERN)
        String warningText,
    @NotNullWhenSent
        @Schema(minLength = 1, maxLength = Limits.SETTINGS_TEXT, pattern = Limits.NOT_BLANK_PATTERN)
        String endedNoticeText,
    @NotNullWhenSent @Valid Csat csat,
    @NullTurnsOff @Schema(implementation = DurationOrOff.class) Optional<String> reopenWithin,
    @NotNullWhenSent @Valid Settlement settlement,
    @NotNullWhenSent @ArraySchema(maxItems = 20) List<@Valid Hook> webhooks,
    @NotNullWhenSent @Valid Widget widget,
    @NotNullWhenSent @Schema(allowableValues = {"CALENDAR", "BUSINESS_HOURS"}) String timersCount,
    @NullTurnsOff
        @Schema(
            types = {"object", "null"},
            implementation = BusinessHoursInput.class)
        Optional<@Valid BusinessHoursInput> businessHours,
    @NullTurnsOff
        @Schema(
            types = {"string", "null"},
            minLength = 1,
            maxLength = Limits.SETTINGS_TEXT,
            pattern = Limits.NOT_BLANK_PATTERN)
        Optional<String> outOfHoursText,
    @NotNullWhenSent
        @Schema(
            maxProperties = 50,
            propertyNames = LocaleKey.class,
            description = "replaces the whole map; by BCP 47 locale")
        Map<String, @Valid LocaleTextsInput> texts,
    @NotNullWhenSent
        @Schema(
            maxProperties = 20,
            propertyNames = ChannelKey.class,
            description = "replaces the whole map; by channel name")
        Map<String, @Valid ChannelInput> channels) {

  /** A channel's name, as a message's {@code channel} names it. */
  @Schema(type = "string", pattern = ChannelOverride.NAME_PATTERN)
  interface ChannelKey {}

  /** A locale's key: a BCP 47 language tag. */
  @Schema(type = "string", maxLength = Locales.MAX_LENGTH, pattern = Locales.PATTERN)
  interface LocaleKey {}

  /** A duration setting's schema: ISO-8601, as {@link Durations#PATTERN} reads it. */
  @Schema(type = "string", description = "ISO-8601, PT1S to P365D", pattern = Durations.PATTERN)
  interface SettingDuration {}

  /** A timer that null turns off. */
  @Schema(
      types = {"string", "null"},
      description = "ISO-8601, PT1S to P365D; null turns it off",
      pattern = Durations.PATTERN)
  interface DurationOrOff {}

  /** Only the widget's allowed origins, replaced by {@code origins}. */
  public static SettingsChangeRequest allowedOrigins(List<String> origins) {
    return outsideThePolicy(new Widget(origins), null, null, null, null, null);
  }

  /** Only the business hours: what the timers count, the hours (empty: none), the text. */
  public static SettingsChangeRequest businessHours(
      String timersCount,
      Optional<BusinessHoursInput> businessHours,
      Optional<String> outOfHoursText) {
    return outsideThePolicy(null, timersCount, businessHours, outOfHoursText, null, null);
  }

  /** Only the texts by locale, replaced whole. */
  public static SettingsChangeRequest localeTexts(Map<String, LocaleTextsInput> texts) {
    return outsideThePolicy(null, null, null, null, texts, null);
  }

  private static SettingsChangeRequest outsideThePolicy(
      Widget widget,
      String timersCount,
      Optional<BusinessHoursInput> businessHours,
      Optional<String> outOfHoursText,
      Map<String, LocaleTextsInput> texts,
      Map<String, ChannelInput> channels) {
    return new SettingsChangeRequest(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        widget,
        timersCount,
        businessHours,
        outOfHoursText,
        texts,
        channels);
  }

  /** Whether the change touches business hours: what the timers count, the hours, the text. */
  boolean changesHours() {
    return timersCount != null || businessHours != null || outOfHoursText != null;
  }

  /** Whether the change touches the stored policy (CSAT, settlement, reopening). */
  boolean changesPolicy() {
    return csat != null || settlement != null || reopenWithin != null;
  }

  /** The survey: who ending a session sends one, the minimum interaction, expiry and question. */
  @ClosedObject
  @Schema(name = "SettingsChangeCsat", additionalProperties = AdditionalPropertiesValue.FALSE)
  public record Csat(
      @NotNullWhenSent List<EndedBy> sendWhenEndedBy, // a repeat is allowed, as the schema says
      @NotNullWhenSent Boolean requireAgentReply,
      @NotNullWhenSent @Schema(minimum = "0", maximum = "2147483647") Integer minEndUserMessages,
      @NotNullWhenSent @Schema(implementation = SettingDuration.class) String expiresAfter,
      @NotNullWhenSent
          @Schema(
              minLength = 1,
              maxLength = Limits.CSAT_QUESTION,
              pattern = Limits.NOT_BLANK_PATTERN)
          String question,
      @NotNullWhenSent @Schema(minimum = "2", maximum = "10") Integer scale) {}

  /** The ticket's status when a session ends: by default, and by end reason or by who ended it. */
  @Schema(name = "SettingsChangeSettlement")
  public record Settlement(
      @JsonProperty("default")
          @NotNullWhenSent
          @Schema(allowableValues = {"OPEN", "PENDING", "SOLVED"})
          String defaultStatus,
      @NotNullWhenSent @Schema(maxProperties = 50, propertyNames = RuleKey.class)
          Map<String, @Valid Rule> rules) {}

  /** A settlement rule's key: an end reason, or AGENT, ADMIN, END_USER, SYSTEM. */
  @Schema(type = "string", minLength = 1, maxLength = 64, pattern = Limits.NOT_BLANK_PATTERN)
  interface RuleKey {}

  /** A settlement rule: the status, and the group to move the ticket to (null: it stays). */
  @Schema(name = "SettlementRuleChange")
  public record Rule(
      @NotNull
          @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              allowableValues = {"OPEN", "PENDING", "SOLVED"})
          String status,
      @Schema(
              minLength = 1,
              maxLength = Limits.GROUP,
              pattern = Limits.NOT_BLANK_PATTERN,
              types = {"string", "null"})
          String group) {}

  /** A receiver of channel events; its secret signs each delivery. */
  @Schema(name = "WebhookChange")
  public record Hook(
      @NotNull
          @NotNullWhenSent
          @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              minLength = 1,
              maxLength = Limits.WEBHOOK_URL,
              description = "absolute http(s); refused if it resolves to an internal address")
          String url,
      @NotNull
          @NotNullWhenSent
          @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              pattern = WebhookSecrets.SECRET_PATTERN)
          String secret,
      @NotNull
          @NotNullWhenSent
          @ArraySchema(
              minItems = 1,
              schema =
                  @Schema(
                      allowableValues = {
                        WebhookEvent.SESSION_ENDED,
                        WebhookEvent.CSAT_SENT,
                        WebhookEvent.CSAT_ANSWERED,
                        WebhookEvent.MESSAGE_CREATED,
                        WebhookEvent.SESSION_STARTED
                      }),
              arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
          List<String> events) {}

  /** The web chat widget: the origins whose pages may start visitors (replaces the list). */
  @ClosedObject
  @Schema(name = "WidgetChange", additionalProperties = AdditionalPropertiesValue.FALSE)
  public record Widget(
      @NotNullWhenSent
          @ArraySchema(
              maxItems = WidgetOriginsInput.MAX,
              schema =
                  @Schema(
                      pattern = WidgetOriginsInput.PATTERN,
                      maxLength = WidgetOriginsInput.MAX_LENGTH,
                      description = "http(s)://host[:port], lower case, as a browser sends it"),
              arraySchema = @Schema(description = "replaces the whole list"))
          List<String> allowedOrigins) {}
}
