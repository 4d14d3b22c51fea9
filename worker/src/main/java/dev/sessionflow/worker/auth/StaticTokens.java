package dev.sessionflow.worker.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Static API tokens (integrations, and the development tokens where allowed). Only their SHA-256
 * hashes are kept; a presented token is hashed and compared with every entry in constant time.
 */
public final class StaticTokens {
  static final List<AuthProperties.Token> DEV_TOKENS =
      List.of(
          new AuthProperties.Token("dev-admin", null, Role.ADMIN, null, "dev-admin"),
          new AuthProperties.Token("dev-agent-1", Role.AGENT, "agent-1"),
          new AuthProperties.Token("dev-agent-2", Role.AGENT, "agent-2"),
          new AuthProperties.Token("dev-channel", null, Role.CHANNEL, null, "dev-channel"));

  /**
   * The groups of the development agents' tokens, so that both ticket-access cases can be tried.
   */
  static final java.util.Map<String, Set<String>> DEV_GROUPS =
      java.util.Map.of(
          "dev-agent-1", Set.of("first-line"), "dev-agent-2", Set.of("first-line", "tier-2"));

  private record Entry(byte[] hash, Caller caller) {}

  private final List<Entry> entries = new ArrayList<>();

  StaticTokens(AuthProperties properties, boolean devTokens) {
    if (devTokens) {
      DEV_TOKENS.forEach(t -> add(t, properties, DEV_GROUPS.getOrDefault(t.token(), Set.of())));
    }
    properties.configured().forEach(t -> add(t, properties, Set.of()));
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  private void add(AuthProperties.Token t, AuthProperties properties, Set<String> devGroups) {
    byte[] hash = hashOf(t);
    if (t.role() == null) {
      throw new IllegalStateException("sessionflow.auth.tokens: each token needs a role");
    }
    if (!t.role().grantable()) {
      throw new IllegalStateException(
          "sessionflow.auth.tokens: the service issues " + t.role() + " tokens itself");
    }
    if (t.role() == Role.AGENT && (t.agentId() == null || t.agentId().isBlank())) {
      throw new IllegalStateException("sessionflow.auth.tokens: an AGENT token needs an agentId");
    }
    String name = t.name();
    if (name == null || name.isBlank()) {
      name =
          t.agentId() != null
              ? t.agentId()
              : t.role().name().toLowerCase(Locale.ROOT)
                  + "-"
                  + HexFormat.of().formatHex(hash).substring(0, 8);
    }
    AuthProperties.AgentProfile profile = properties.agent(t.agentId());
    Set<String> groups =
        profile != null && !profile.groups().isEmpty() ? profile.groups() : devGroups;
    TicketAccess access =
        profile != null && profile.access() != null ? profile.access() : properties.agentAccess();
    entries.add(new Entry(hash, new Caller(t.role(), t.agentId(), name, groups, access)));
  }

  private static byte[] hashOf(AuthProperties.Token t) {
    if (t.token() != null && !t.token().isBlank()) {
      return sha256(t.token());
    }
    if (t.sha256() != null && t.sha256().matches("[0-9a-fA-F]{64}")) {
      return HexFormat.of().parseHex(t.sha256());
    }
    throw new IllegalStateException(
        "sessionflow.auth.tokens: each token needs a value, or its SHA-256 as 64 hex digits");
  }

  /** The caller a presented token stands for; every entry is compared, in constant time. */
  public Optional<Caller> resolve(String token) {
    byte[] presented = sha256(token);
    Caller found = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(e.hash(), presented) && found == null) {
        found = e.caller();
      }
    }
    return Optional.ofNullable(found);
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
