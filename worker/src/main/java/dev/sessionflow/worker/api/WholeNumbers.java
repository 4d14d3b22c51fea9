package dev.sessionflow.worker.api;

import java.math.BigDecimal;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Whole-number fields take JSON numbers written with a fraction or an exponent when their value is
 * whole ({@code 5.0}, {@code 5e0}): JSON Schema calls those integers, and the OpenAPI document's
 * {@code type: integer} promises them. A true fraction ({@code 4.5}) or a value out of range stays
 * a {@code 400 validation}, never truncated.
 */
final class WholeNumbers extends ValueDeserializerModifier {
  private static final Set<Class<?>> TYPES =
      Set.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class);

  /** Longer than a long's 19 digits: out of range, and not worth expanding. */
  private static final int MAX_DIGITS = 19;

  @Override
  public ValueDeserializer<?> modifyDeserializer(
      DeserializationConfig config,
      BeanDescription.Supplier beanDesc,
      ValueDeserializer<?> deserializer) {
    Class<?> type = beanDesc.getType().getRawClass();
    return TYPES.contains(type) ? new Whole(deserializer, type) : deserializer;
  }

  private static final class Whole extends DelegatingDeserializer {
    private final Class<?> type;

    Whole(ValueDeserializer<?> delegate, Class<?> type) {
      super(delegate);
      this.type = type;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new Whole(delegate, type);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
        return super.deserialize(p, ctxt);
      }
      BigDecimal value = p.getDecimalValue();
      try {
        if (value.signum() != 0 && value.precision() - value.scale() > MAX_DIGITS) {
          throw new ArithmeticException("out of range");
        }
        BigDecimal whole = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (type == int.class || type == Integer.class) {
          return whole.intValueExact();
        }
        if (type == short.class || type == Short.class) {
          return whole.shortValueExact();
        }
        return whole.longValueExact();
      } catch (ArithmeticException e) {
        return ctxt.reportInputMismatch(
            this, "%s is not a whole number in range for %s", value, type.getSimpleName());
      }
    }
  }
}
