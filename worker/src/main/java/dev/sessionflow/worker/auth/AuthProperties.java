package dev.sessionflow.worker.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API tokens, from {@code sessionflow.auth.*}.
 *
 * @param devTokens accept the well-known development tokens (dev-admin, dev-agent-1, ...)
 * @param tokens further tokens: each names its role and, for agents, the agent id
 */
@ConfigurationProperties("sessionflow.auth")
public record AuthProperties(boolean devTokens, List<Token> tokens) {

  public AuthProperties {
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
  }

  public record Token(String token, Role role, String agentId) {}
}
