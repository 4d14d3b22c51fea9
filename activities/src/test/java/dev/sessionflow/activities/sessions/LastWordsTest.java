package dev.sessionflow.activities.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.workflows.activities.SystemMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the inbox shows of each session, read in one statement for the whole page. */
class LastWordsTest extends StoreTestBase {
  @Autowired LastWords lastWords;

  @Test
  void theLastMessageFromEitherSideAndWhetherAWarningFollowedIt() {
    AcceptedMessage quiet = endUserSays("c-quiet", "m-1", "Hello?");
    AcceptedMessage answered = endUserSays("c-answered", "m-1", "Hi");
    conversations.acceptAgentMessage(answered.sessionId(), "a-1", "agent-7", "How can I help?");
    messages.postSystemMessage(
        new SystemMessage(
            "c-answered", answered.sessionId(), "w-1", "INACTIVITY_WARNING", "Still there?"),
        null);

    Map<String, LastWords.Of> shown =
        lastWords.of(List.of(quiet.sessionId(), answered.sessionId(), "s-unknown"));

    assertThat(shown).containsOnlyKeys(quiet.sessionId(), answered.sessionId());
    LastWords.Of q = shown.get(quiet.sessionId());
    assertThat(q.author()).isEqualTo("END_USER");
    assertThat(q.text()).isEqualTo("Hello?");
    assertThat(q.warned()).isFalse();
    LastWords.Of a = shown.get(answered.sessionId());
    assertThat(a.author()).isEqualTo("AGENT");
    assertThat(a.agentId()).isEqualTo("agent-7");
    assertThat(a.text()).isEqualTo("How can I help?");
    assertThat(a.at()).isEqualTo(T0);
    assertThat(a.warned()).isTrue();
    assertThat(lastWords.of(List.of())).isEmpty();
  }
}
