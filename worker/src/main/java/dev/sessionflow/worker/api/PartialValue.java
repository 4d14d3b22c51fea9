package dev.sessionflow.worker.api;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidNullException;

/**
 * A property of a partial change, read with the deserializer of its type, where a key left out is
 * always null ("no change") and JSON null is either refused or means something. Jackson alone
 * cannot say this for a record: {@code Nulls.FAIL} refuses an absent creator property too, and an
 * absent {@code Optional} reads as empty, the same as null.
 */
abstract class PartialValue extends ValueDeserializer<Object> {
  ValueDeserializer<Object> delegate;
  BeanProperty property;

  abstract PartialValue create();

  @Override
  public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
    PartialValue contextual = create();
    contextual.delegate = ctxt.findContextualValueDeserializer(property.getType(), property);
    contextual.property = property;
    return contextual;
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) {
    return delegate.deserialize(p, ctxt);
  }

  @Override
  public Object getAbsentValue(DeserializationContext ctxt) {
    return null;
  }

  /** JSON null is a {@code 400 validation} naming the property ({@link NotNullWhenSent}). */
  static final class RefuseNull extends PartialValue {
    @Override
    PartialValue create() {
      return new RefuseNull();
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
      JavaType type = property.getType();
      throw InvalidNullException.from(ctxt, property.getFullName(), type);
    }
  }

  /** JSON null is an empty {@code Optional}, "turn it off" ({@link NullTurnsOff}). */
  static final class NullIsEmpty extends PartialValue {
    @Override
    PartialValue create() {
      return new NullIsEmpty();
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
      return delegate.getNullValue(ctxt);
    }
  }
}
