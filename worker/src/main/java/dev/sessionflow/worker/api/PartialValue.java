package dev.sessionflow.worker.api;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidNullException;

/**
 * A property of a partial change, read with the deserializer of its type, where a key left out is
 * always null ("no change") and JSON null is refused ({@link NotNullWhenSent}) or read as the
 * type's null, an empty {@code Optional} ({@link NullTurnsOff}). Jackson alone cannot say this for
 * a record: {@code Nulls.FAIL} refuses an absent creator property too, and an absent {@code
 * Optional} reads as empty, the same as null.
 */
final class PartialValue extends ValueDeserializer<Object> {
  private final ValueDeserializer<Object> delegate;
  private final BeanProperty property;

  PartialValue() {
    this(null, null);
  }

  private PartialValue(ValueDeserializer<Object> delegate, BeanProperty property) {
    this.delegate = delegate;
    this.property = property;
  }

  @Override
  public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
    return new PartialValue(
        ctxt.findContextualValueDeserializer(property.getType(), property), property);
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) {
    return delegate.deserialize(p, ctxt);
  }

  @Override
  public Object getNullValue(DeserializationContext ctxt) {
    if (property.getAnnotation(NotNullWhenSent.class) != null) {
      throw InvalidNullException.from(ctxt, property.getFullName(), property.getType());
    }
    return delegate.getNullValue(ctxt);
  }

  @Override
  public Object getAbsentValue(DeserializationContext ctxt) {
    return null;
  }
}
