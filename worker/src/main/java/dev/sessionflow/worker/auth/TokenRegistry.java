package dev.sessionflow.worker.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Resolves bearer tokens to callers. */
@Component
public class TokenRegistry {
  private static final Logger log = LoggerFactory.getLogger(TokenRegistry.class);

  static final List<AuthProperties.Token> DEV_TOKENS =
      List.of(
          new AuthProperties.Token("dev-admin", Role.ADMIN, null),
          new AuthProperties.Token("dev-agent-1", Role.AGENT, "agent-1"),
          new AuthProperties.Token("dev-agent-2", Role.AGENT, "agent-2"),
          new AuthProperties.Token("dev-channel", Role.CHANNEL, null));

  private final Map<String, Caller> callers = new HashMap<>();

  public TokenRegistry(AuthProperties properties) {
    if (properties.devTokens()) {
      log.warn(
          "Accepting the development API tokens (dev-admin, dev-agent-1, dev-agent-2, "
              + "dev-channel): anyone can call this service. Never run it like this in production.");
      DEV_TOKENS.forEach(this::add);
    }
    properties.configured().forEach(this::add);
  }

  private void add(AuthProperties.Token t) {
    if (t.token() == null || t.token().isBlank() || t.role() == null) {
      throw new IllegalStateException("sessionflow.auth.tokens: each token needs a value and role");
    }
    if (t.role() == Role.AGENT && (t.agentId() == null || t.agentId().isBlank())) {
      throw new IllegalStateException("sessionflow.auth.tokens: an AGENT token needs an agentId");
    }
    callers.put(t.token(), new Caller(t.role(), t.agentId()));
  }

  public Optional<Caller> resolve(String token) {
    return Optional.ofNullable(callers.get(token));
  }
}
