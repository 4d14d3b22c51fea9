package dev.sessionflow.worker.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API tokens, from {@code sessionflow.auth.*}.
 *
 * @param devTokens accept the well-known development tokens (dev-admin, dev-agent-1, ...)
 * @param tokens further tokens: each names its role and, for agents, the agent id
 * @param tokenList the same as one string, handy in an environment variable
 */
@ConfigurationProperties("sessionflow.auth")
public record AuthProperties(boolean devTokens, List<Token> tokens, String tokenList) {

  public AuthProperties {
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
  }

  /**
   * All configured tokens: {@code tokens}, plus {@code tokenList} (env {@code
   * SESSIONFLOW_AUTH_TOKEN_LIST}): comma-separated {@code token:ROLE} or {@code
   * token:AGENT:agentId}.
   */
  public List<Token> configured() {
    List<Token> all = new java.util.ArrayList<>(tokens);
    if (tokenList != null && !tokenList.isBlank()) {
      for (String entry : tokenList.split(",")) {
        String[] parts = entry.trim().split(":");
        if (parts.length < 2 || parts.length > 3) {
          throw new IllegalStateException(
              "sessionflow.auth.token-list: expected token:ROLE or token:AGENT:agentId");
        }
        all.add(
            new Token(
                parts[0], Role.valueOf(parts[1].trim()), parts.length == 3 ? parts[2] : null));
      }
    }
    return all;
  }

  public record Token(String token, Role role, String agentId) {}
}
