package dev.sessionflow.worker.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An {@code Optional} field of a partial change whose JSON null means "turn it off": left out it
 * reads as null (no change), JSON null as {@code Optional.empty()}, a value as that value.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@com.fasterxml.jackson.annotation.JacksonAnnotationsInside
@JsonDeserialize(using = PartialValue.class)
public @interface NullTurnsOff {}
