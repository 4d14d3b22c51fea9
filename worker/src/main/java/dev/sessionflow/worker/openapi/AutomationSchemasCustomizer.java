package dev.sessionflow.worker.openapi;

import dev.sessionflow.activities.automation.AutomationRules;
import dev.sessionflow.activities.support.Limits;
import dev.sessionflow.workflows.automation.ActionType;
import dev.sessionflow.workflows.automation.Condition;
import dev.sessionflow.workflows.model.TicketFacts;
import dev.sessionflow.workflows.model.TicketStatus;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rules of macros and triggers (AutomationRules) as schemas: each action type and each operator
 * with the value it takes, the name and list bounds. The workflow records they describe carry no
 * annotations (that module depends on the Temporal SDK only).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AutomationSchemasCustomizer implements OpenApiCustomizer {

  @Override
  public void customise(OpenAPI openApi) {
    Map<String, Schema> schemas = openApi.getComponents().getSchemas();
    if (schemas == null) {
      return;
    }
    schemas.put("TicketAction", ticketAction());
    schemas.put("Condition", condition());
    schemas.put("TriggerConditions", triggerConditions());
    for (String request : List.of("MacroRequest", "TriggerRequest")) {
      Schema<?> schema = schemas.get(request);
      if (schema != null) {
        schema.addProperty("name", text(Limits.AUTOMATION_NAME));
        schema.addProperty(
            "actions",
            new ArraySchema()
                .items(ref("TicketAction"))
                .minItems(1)
                .maxItems(AutomationRules.MAX_ACTIONS)
                .contains(
                    new ObjectSchema()
                        .addProperty("type", constant(ActionType.END_SESSION.name()))
                        .required(List.of("type")))
                .minContains(0)
                .maxContains(1));
        List<String> required = new ArrayList<>(List.of("name", "actions"));
        if (request.equals("TriggerRequest")) {
          schema.addProperty("conditions", ref("TriggerConditions"));
          required.add("conditions");
        }
        schema.setRequired(required);
      }
    }
  }

  private static Schema<?> ticketAction() {
    List<Schema> variants = new ArrayList<>();
    variants.add(action(ActionType.SET_GROUP, text(Limits.GROUP)));
    variants.add(action(ActionType.SET_STATUS, new StringSchema()._enum(TicketStatus.SETTABLE)));
    variants.add(action(ActionType.ADD_INTERNAL_NOTE, text(Limits.ACTION_TEXT)));
    variants.add(action(ActionType.SEND_MESSAGE, text(Limits.ACTION_TEXT)));
    variants.add(
        new ObjectSchema()
            .addProperty("type", constant(ActionType.END_SESSION.name()))
            .addProperty("value", nothing())
            .addProperty(
                "reason",
                new StringSchema()
                    .pattern(Limits.END_REASON_PATTERN)
                    .types(Set.of("string", "null")))
            .addProperty("sendCsat", new BooleanSchema().types(Set.of("boolean", "null")))
            .required(List.of("type")));
    return new Schema<>()
        .description(
            "One step of a macro or trigger; reason and sendCsat belong to END_SESSION, and a "
                + "macro or trigger holds at most one END_SESSION")
        .oneOf(variants);
  }

  private static Schema<?> action(ActionType type, Schema<?> value) {
    return new ObjectSchema()
        .addProperty("type", constant(type.name()))
        .addProperty("value", value)
        .addProperty("reason", nothing())
        .addProperty("sendCsat", nothing())
        .required(List.of("type", "value"));
  }

  private static Schema<?> condition() {
    List<String> valued = new ArrayList<>();
    List<String> unvalued = new ArrayList<>();
    Arrays.stream(Condition.Operator.values())
        .forEach(o -> (o.needsValue() ? valued : unvalued).add(o.name()));
    Schema<?> field = new StringSchema()._enum(TicketFacts.FIELDS);
    return new Schema<>()
        .oneOf(
            List.of(
                new ObjectSchema()
                    .addProperty("field", field)
                    .addProperty("operator", new StringSchema()._enum(valued))
                    .addProperty("value", new StringSchema().maxLength(Limits.GROUP))
                    .required(List.of("field", "operator", "value")),
                new ObjectSchema()
                    .addProperty("field", field)
                    .addProperty("operator", new StringSchema()._enum(unvalued))
                    .addProperty("value", nothing())
                    .required(List.of("field", "operator"))));
  }

  private static Schema<?> triggerConditions() {
    Schema<?> list =
        new ArraySchema()
            .items(ref("Condition"))
            .maxItems(AutomationRules.MAX_CONDITIONS)
            .types(Set.of("array", "null"));
    Schema<?> some =
        new ArraySchema()
            .items(ref("Condition"))
            .minItems(1)
            .maxItems(AutomationRules.MAX_CONDITIONS);
    return new Schema<>()
        .description("every condition of all and, if any are given, one of any")
        .anyOf(
            List.of(
                new ObjectSchema()
                    .addProperty("all", some)
                    .addProperty("any", list)
                    .required(List.of("all")),
                new ObjectSchema()
                    .addProperty("all", list)
                    .addProperty("any", some)
                    .required(List.of("any"))));
  }

  private static Schema<?> text(int max) {
    return new StringSchema().minLength(1).maxLength(max).pattern(Limits.NOT_BLANK_PATTERN);
  }

  private static Schema<?> constant(String value) {
    return new StringSchema()._enum(List.of(value));
  }

  /** Absent or null. */
  private static Schema<?> nothing() {
    return new Schema<>().types(Set.of("null"));
  }

  private static Schema<?> ref(String name) {
    return new Schema<>().$ref("#/components/schemas/" + name);
  }
}
