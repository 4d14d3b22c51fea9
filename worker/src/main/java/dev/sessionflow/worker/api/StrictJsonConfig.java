package dev.sessionflow.worker.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON bodies are read as their types say: {@code "text": false} or {@code "rating": "5"} is a
 * {@code 400 validation}, not silently turned into {@code "false"} or 5, as the OpenAPI document
 * promises; nor is an enum given by its index ({@code "type": 0}), nor a fraction for a whole
 * number ({@code 4.5}; {@code 5.0} is whole, see {@link WholeNumbers}); nor a key a {@link
 * ClosedObject} does not know.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfig {

  @Bean
  JsonMapperBuilderCustomizer noScalarCoercion() {
    return StrictJsonConfig::strict;
  }

  /** The service's reading rules on a mapper builder (tests build their mapper with them too). */
  public static void strict(JsonMapper.Builder builder) {
    builder
        .addHandler(new UnknownKeys())
        .addModule(new SimpleModule("whole-numbers").setDeserializerModifier(new WholeNumbers()))
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(
            LogicalType.Textual,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Integer,
            config -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Enum,
            config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
  }
}
