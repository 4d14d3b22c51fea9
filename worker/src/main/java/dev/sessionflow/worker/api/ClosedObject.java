package dev.sessionflow.worker.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request object that refuses keys it does not know with a {@code 400 validation} naming the key,
 * where the service's other bodies ignore them. For objects whose OpenAPI schema says {@code
 * additionalProperties: false}: a misspelt setting must not be saved as "no change".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ClosedObject {}
