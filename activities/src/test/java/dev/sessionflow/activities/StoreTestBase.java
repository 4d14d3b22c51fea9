package dev.sessionflow.activities;

import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.activities.conversations.ConversationStore;
import dev.sessionflow.activities.conversations.MessageStore;
import dev.sessionflow.activities.conversations.SessionCloses;
import dev.sessionflow.activities.conversations.StoredMessage;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store tests: one Spring context on H2, or on PostgreSQL under the Maven profile {@code
 * postgres}; every test starts from empty tables and the clock at {@link #T0}.
 */
@SpringBootTest(
    classes = StoreTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class StoreTestBase {
  public static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  /** Children first, so that no foreign key stands in the way. */
  private static final List<String> TABLES =
      List.of(
          "automation_steps",
          "settlement_outcomes",
          "macros",
          "triggers",
          "channel_lanes",
          "messages",
          "webhooks",
          "webhook_deliveries",
          "surveys",
          "ticket_audit",
          "session_starts",
          "sessions",
          "conversations",
          "tickets",
          "messaging_settings",
          "end_user_erasures",
          "data_keys");

  @Autowired protected JdbcClient jdbc;
  @Autowired protected TestClock clock;
  @Autowired protected ConversationStore conversations;
  @Autowired protected MessageStore messages;
  @Autowired protected SessionCloses closes;

  @BeforeEach
  void emptyTablesAndResetClock() {
    clock.set(T0);
    for (String table : TABLES) {
      jdbc.sql("delete from " + table).update();
    }
  }

  protected long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** An end-user message on conversation {@code conversationId} from end user "user-of-" it. */
  protected AcceptedMessage endUserSays(String conversationId, String messageId, String text) {
    return conversations.acceptEndUserMessage(
        conversationId, messageId, "user-of-" + conversationId, "End User", text, "web-chat");
  }

  protected List<StoredMessage> transcript(String conversationId) {
    return messages.transcript(conversationId).orElseThrow();
  }

  protected SessionClosing closing(AcceptedMessage opened, long revision, String notice) {
    return closing(opened, revision, EndedBy.AGENT, "agent-1", "RESOLVED", true, notice);
  }

  /** An agent's end of round 0 after which the end user may reopen the session for a while. */
  protected SessionClosing closingWithReopenWindow(AcceptedMessage opened, Duration window) {
    SessionClosing base = closing(opened, 1, "Ended.");
    return new SessionClosing(
        base.sessionId(),
        base.conversationId(),
        base.revision(),
        base.assignedAgentId(),
        base.end(),
        base.endedNoticeText(),
        0,
        clock.instant().plus(window));
  }

  protected SessionClosing closing(
      AcceptedMessage opened,
      long revision,
      EndedBy endedBy,
      String agentId,
      String reason,
      boolean csatWanted,
      String notice) {
    return new SessionClosing(
        opened.sessionId(),
        opened.conversationId(),
        revision,
        agentId,
        new SessionEnd(endedBy, agentId, reason, clock.instant(), csatWanted),
        notice,
        0,
        null);
  }
}
