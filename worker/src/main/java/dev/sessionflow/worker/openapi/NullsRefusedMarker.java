package dev.sessionflow.worker.openapi;

import com.fasterxml.jackson.databind.JavaType;
import dev.sessionflow.worker.api.NotNullWhenSent;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import org.springframework.stereotype.Component;

/**
 * Marks the schema of a record with {@link NotNullWhenSent} fields with {@link
 * NotNullWhenSent#SCHEMA_EXTENSION}, so that {@link ConstraintsCustomizer} does not offer null
 * where the service refuses it.
 */
@Component
class NullsRefusedMarker implements ModelConverter {

  @Override
  public Schema<?> resolve(
      AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    JavaType javaType = Json.mapper().constructType(type.getType());
    if (schema == null || !refusesNulls(javaType.getRawClass())) {
      return schema;
    }
    Schema<?> model = schema;
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      model = context.getDefinedModels().get(name);
    }
    if (model != null) {
      model.addExtension(NotNullWhenSent.SCHEMA_EXTENSION, true);
    }
    return schema;
  }

  private static boolean refusesNulls(Class<?> type) {
    return type.isRecord()
        && Arrays.stream(type.getRecordComponents())
            .map(RecordComponent::getAccessor)
            .anyMatch(a -> a.isAnnotationPresent(NotNullWhenSent.class));
  }
}
