package dev.sessionflow.worker.api;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A field a partial change may leave out, but not send as JSON null, nor hold null items: left out
 * it reads as null (no change), and {@code null} is a {@code 400 validation} naming the field. For
 * a field whose null means something ("turn this off"), use {@code Optional} instead.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSetter(contentNulls = Nulls.FAIL)
@JsonDeserialize(using = PartialValue.class)
public @interface NotNullWhenSent {
  /**
   * The OpenAPI extension on an object schema whose optional fields refuse null: the document then
   * does not mark them nullable, as it does the fields of other request objects.
   */
  String SCHEMA_EXTENSION = "x-nulls-refused";
}
