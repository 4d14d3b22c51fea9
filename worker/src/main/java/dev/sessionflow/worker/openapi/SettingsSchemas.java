package dev.sessionflow.worker.openapi;

import dev.sessionflow.activities.support.Limits;
import dev.sessionflow.activities.webhooks.WebhookSecrets;
import dev.sessionflow.worker.settings.WidgetOriginsInput;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.TicketStatus;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The sections of a settings change as the service reads them (PolicyInput, SettingsStore): a
 * section that refuses keys it does not know says so; one that ignores them allows them.
 */
final class SettingsSchemas {

  private SettingsSchemas() {}

  static Schema<?> csat(Schema<?> duration) {
    Schema<?> csat =
        new ObjectSchema()
            .addProperty(
                "sendWhenEndedBy",
                new ArraySchema()
                    .items(
                        new StringSchema()
                            ._enum(Arrays.stream(EndedBy.values()).map(Enum::name).toList())))
            .addProperty("requireAgentReply", new BooleanSchema())
            .addProperty(
                "minEndUserMessages",
                new IntegerSchema()
                    .minimum(BigDecimal.ZERO)
                    .maximum(BigDecimal.valueOf(Integer.MAX_VALUE)))
            .addProperty("expiresAfter", duration)
            .addProperty("question", notBlank(Limits.CSAT_QUESTION))
            .addProperty(
                "scale", new IntegerSchema().minimum(BigDecimal.TWO).maximum(BigDecimal.TEN));
    csat.setAdditionalProperties(false);
    return csat;
  }

  static Schema<?> settlement() {
    Schema<?> group = notBlank(Limits.GROUP).types(Set.of("string", "null"));
    Schema<?> rule =
        new ObjectSchema()
            .addProperty("status", new StringSchema()._enum(TicketStatus.SETTABLE))
            .addProperty("group", group)
            .required(List.of("status"));
    Schema<?> rules =
        new ObjectSchema().maxProperties(50).propertyNames(notBlank(64)).additionalProperties(rule);
    return new ObjectSchema()
        .addProperty("default", new StringSchema()._enum(TicketStatus.SETTABLE))
        .addProperty("rules", rules);
  }

  static Schema<?> webhooks() {
    Schema<?> hook =
        new ObjectSchema()
            .addProperty(
                "url",
                new StringSchema()
                    .minLength(1)
                    .maxLength(Limits.WEBHOOK_URL)
                    .description("absolute http(s); refused if it resolves to an internal address"))
            .addProperty("secret", new StringSchema().pattern(WebhookSecrets.SECRET_PATTERN))
            .addProperty(
                "events",
                new ArraySchema().minItems(1).items(new StringSchema()._enum(WebhookEvent.ALL)))
            .required(List.of("url", "secret", "events"));
    return new ArraySchema().maxItems(20).items(hook);
  }

  static Schema<?> widget() {
    Schema<?> origin =
        new StringSchema()
            .pattern(WidgetOriginsInput.PATTERN)
            .maxLength(WidgetOriginsInput.MAX_LENGTH)
            .description("http(s)://host[:port], lower case, as a browser sends it");
    Schema<?> widget =
        new ObjectSchema()
            .addProperty(
                "allowedOrigins",
                new ArraySchema()
                    .maxItems(WidgetOriginsInput.MAX)
                    .items(origin)
                    .description("replaces the whole list"));
    widget.setAdditionalProperties(false);
    return widget;
  }

  /** 1 to {@code max} characters, not all whitespace. */
  static Schema<?> notBlank(int max) {
    return new StringSchema().minLength(1).maxLength(max).pattern(Limits.NOT_BLANK_PATTERN);
  }
}
