package dev.sessionflow.worker.config;

import dev.sessionflow.activities.support.Limits;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the service checks that annotations cannot say: every path id is {@link Limits#ID_PATTERN},
 * and a property a schema does not require may be null (records are written with their null fields,
 * and read with null as absent).
 */
@Component
class ConstraintsCustomizer implements OpenApiCustomizer {

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
      boolean v31 = openApi.getSpecVersion() == SpecVersion.V31;
      openApi.getComponents().getSchemas().values().forEach(s -> optionalIsNullable(s, v31));
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void optionalIsNullable(Schema<?> schema, boolean v31) {
    if (schema.getProperties() == null) {
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
}
