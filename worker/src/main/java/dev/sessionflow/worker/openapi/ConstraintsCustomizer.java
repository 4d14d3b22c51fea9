package dev.sessionflow.worker.openapi;

import dev.sessionflow.activities.support.Limits;
import dev.sessionflow.worker.api.NotNullWhenSent;
import dev.sessionflow.workflows.model.TicketStatus;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the service checks that annotations cannot say: every path id is {@link Limits#ID_PATTERN},
 * and a property a schema does not require may be null (records are written with their null fields,
 * and read with null as absent), except in objects that refuse it ({@link
 * NotNullWhenSent#SCHEMA_EXTENSION}).
 */
@Component
class ConstraintsCustomizer implements OpenApiCustomizer {
  private static final String SETTINGS = "/api/v1/settings/messaging";

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getPaths() != null) {
      openApi
          .getPaths()
          .values()
          .forEach(
              path ->
                  path.readOperations()
                      .forEach(
                          operation -> {
                            if (operation.getParameters() != null) {
                              operation.getParameters().stream()
                                  .filter(p -> "path".equals(p.getIn()) && p.getSchema() != null)
                                  .forEach(p -> p.getSchema().pattern(Limits.ID_PATTERN));
                            }
                          }));
    }
    if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
      ticketPatch(openApi.getComponents().getSchemas().get("TicketPatch"));
      boolean v31 = openApi.getSpecVersion() == SpecVersion.V31;
      openApi.getComponents().getSchemas().values().forEach(s -> optionalIsNullable(s, v31));
      openApi.getComponents().getSchemas().values().forEach(ConstraintsCustomizer::nullableRefs);
    }
  }

  /**
   * A reference declared nullable by its annotation ({@code types = {"object", "null"}}) becomes
   * {@code anyOf: [reference, null]}: beside a {@code $ref}, tools ignore {@code type}.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void nullableRefs(Schema<?> schema) {
    if (schema.getProperties() == null) {
      return;
    }
    schema
        .getProperties()
        .values()
        .forEach(
            property -> {
              if (property.get$ref() != null
                  && property.getTypes() != null
                  && property.getTypes().contains("null")) {
                Schema ref = new Schema().$ref(property.get$ref());
                property.set$ref(null);
                property.setTypes(null);
                property.setAnyOf(List.of(ref, new Schema().types(Set.of("null"))));
              }
            });
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void optionalIsNullable(Schema<?> schema, boolean v31) {
    if (schema.getProperties() == null
        || (schema.getExtensions() != null
            && schema.getExtensions().containsKey(NotNullWhenSent.SCHEMA_EXTENSION))) {
      return;
    }
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    schema
        .getProperties()
        .forEach(
            (name, property) -> {
              if (required.contains(name)) {
                return;
              }
              if (v31) {
                Set<String> types =
                    property.getTypes() == null
                        ? new LinkedHashSet<>()
                        : new LinkedHashSet<>(property.getTypes());
                if (property.get$ref() != null) {
                  Schema ref = new Schema().$ref(property.get$ref());
                  property.set$ref(null);
                  property.setAnyOf(List.of(ref, new Schema().types(Set.of("null"))));
                  return;
                }
                types.add("null");
                property.setTypes(types);
                if (property.getEnum() != null && !property.getEnum().contains(null)) {
                  property.getEnum().add(null);
                }
              } else {
                property.setNullable(true);
              }
            });
  }

  /**
   * A ticket change names a group (1 to 128 characters), a settable status, or both: at least one
   * of them not null.
   */
  private static void ticketPatch(Schema<?> patch) {
    if (patch == null || patch.getProperties() == null) {
      return;
    }
    // Each use its own instance: the optional properties become nullable below, the branches' not.
    patch.getProperties().put("group", notBlank(Limits.GROUP));
    patch
        .getProperties()
        .put("status", new StringSchema()._enum(new ArrayList<>(TicketStatus.SETTABLE)));
    patch.setAnyOf(
        List.of(
            new ObjectSchema()
                .addProperty("group", notBlank(Limits.GROUP))
                .addRequiredItem("group"),
            new ObjectSchema()
                .addProperty("status", new StringSchema()._enum(TicketStatus.SETTABLE))
                .addRequiredItem("status")));
  }

  /** 1 to {@code max} characters, not all whitespace. */
  private static Schema<?> notBlank(int max) {
    return new StringSchema().minLength(1).maxLength(max).pattern(Limits.NOT_BLANK_PATTERN);
  }
}
