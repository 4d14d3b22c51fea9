package dev.sessionflow.worker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaticTokensTest {

  @Test
  void tokensAreResolvedByTheirHashAndNamedForTheAudit() {
    String hash = HexFormat.of().formatHex(StaticTokens.sha256("integration-secret"));
    AuthProperties auth =
        new AuthProperties(
            false,
            List.of(),
            "plain-secret:CHANNEL:web-chat,sha256-" + hash + ":ADMIN:ops-bot,a-secret:AGENT:a-7",
            TicketAccess.ALL,
            Map.of("a-7", new AuthProperties.AgentProfile(Set.of("tier-2"), TicketAccess.ASSIGNED)),
            null);
    StaticTokens tokens = new StaticTokens(auth, false);

    assertThat(tokens.resolve("plain-secret")).hasValue(Caller.channel("web-chat"));
    assertThat(tokens.resolve("integration-secret")).hasValue(Caller.admin("ops-bot"));
    assertThat(tokens.resolve("a-secret"))
        .hasValue(Caller.agent("a-7", Set.of("tier-2"), TicketAccess.ASSIGNED));
    assertThat(tokens.resolve("dev-admin")).isEmpty();
    assertThat(tokens.resolve("sha256-" + hash)).isEmpty();
  }

  @Test
  void theDevelopmentAgentsHaveGroups() {
    StaticTokens tokens = new StaticTokens(AuthProperties.ofTokens(true, List.of(), null), true);
    assertThat(tokens.resolve("dev-agent-1").orElseThrow().groups()).containsExactly("first-line");
    assertThat(tokens.resolve("dev-agent-2").orElseThrow().groups())
        .containsExactlyInAnyOrder("first-line", "tier-2");
    assertThat(tokens.resolve("dev-admin").orElseThrow().getName()).isEqualTo("dev-admin");
  }
}
