package dev.sessionflow.worker.api;

import java.util.Collection;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Refuses a key a {@link ClosedObject} does not know; other objects ignore it, as Spring's do. */
final class UnknownKeys extends DeserializationProblemHandler {

  @Override
  public boolean handleUnknownProperty(
      DeserializationContext ctxt,
      JsonParser p,
      ValueDeserializer<?> deserializer,
      Object beanOrClass,
      String propertyName) {
    Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
    if (!type.isAnnotationPresent(ClosedObject.class)) {
      return false;
    }
    Collection<Object> known = deserializer == null ? null : deserializer.getKnownPropertyNames();
    throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName, known);
  }
}
