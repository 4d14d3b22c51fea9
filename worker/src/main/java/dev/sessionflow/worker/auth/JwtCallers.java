package dev.sessionflow.worker.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Turns a validated JWT into a {@link Caller}, reading the claims {@link AuthProperties} names. */
final class JwtCallers implements Converter<Jwt, CallerAuthentication> {
  private final AuthProperties auth;

  JwtCallers(AuthProperties auth) {
    this.auth = auth;
  }

  @Override
  public CallerAuthentication convert(Jwt jwt) {
    AuthProperties.Claims claims = auth.jwt();
    Role role = role(claim(jwt.getClaims(), claims.role()));
    String agentId = string(claim(jwt.getClaims(), claims.agentId()));
    if (role == Role.AGENT && agentId == null) {
      throw new InvalidBearerTokenException("The token has no agent id (" + claims.agentId() + ")");
    }
    AuthProperties.AgentProfile profile = role == Role.AGENT ? auth.agent(agentId) : null;
    Set<String> groups = groups(claim(jwt.getClaims(), claims.groups()));
    if (groups.isEmpty() && profile != null) {
      groups = profile.groups();
    }
    TicketAccess access = access(string(claim(jwt.getClaims(), claims.access())));
    if (access == null) {
      access = profile != null && profile.access() != null ? profile.access() : auth.agentAccess();
    }
    String name = string(claim(jwt.getClaims(), claims.name()));
    if (role == Role.AGENT) {
      name = agentId;
    }
    return new CallerAuthentication(
        new Caller(role, role == Role.AGENT ? agentId : null, name, groups, access));
  }

  /** The most capable role the claim names: ADMIN, then AGENT, then CHANNEL. */
  private static Role role(Object value) {
    Set<String> named = new LinkedHashSet<>();
    if (value instanceof Collection<?> list) {
      list.forEach(v -> named.add(String.valueOf(v).toUpperCase(Locale.ROOT)));
    } else if (value != null) {
      named.add(value.toString().toUpperCase(Locale.ROOT));
    }
    for (Role role : Role.values()) {
      if (role.grantable() && named.contains(role.name())) {
        return role;
      }
    }
    throw new InvalidBearerTokenException("The token names no sessionflow role");
  }

  private static Set<String> groups(Object value) {
    Set<String> groups = new LinkedHashSet<>();
    if (value instanceof Collection<?> list) {
      for (Object g : list) {
        String group = String.valueOf(g);
        groups.add(group.startsWith("/") ? group.substring(group.lastIndexOf('/') + 1) : group);
      }
    }
    return groups;
  }

  private static TicketAccess access(String value) {
    if (value == null) {
      return null;
    }
    try {
      return TicketAccess.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidBearerTokenException("Unknown ticket access: " + value);
    }
  }

  private static String string(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  /**
   * A claim by its whole name (Auth0's {@code https://example.com/roles}), else by dotted path
   * ({@code realm_access.roles}).
   */
  static Object claim(Map<String, Object> claims, String path) {
    if (claims.containsKey(path)) {
      return claims.get(path);
    }
    Object current = claims;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }
}
