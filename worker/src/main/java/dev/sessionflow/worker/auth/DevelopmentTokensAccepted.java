package dev.sessionflow.worker.auth;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A bean that exists only where the development tokens are accepted ({@link IdentityMode}): the
 * development-only surfaces, such as the end-user chat page that speaks for any end user.
 */
public class DevelopmentTokensAccepted implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return IdentityMode.devTokensAccepted(context.getEnvironment());
  }
}
