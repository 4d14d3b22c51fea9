package dev.sessionflow.activities.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.activities.conversations.StoredMessage;
import dev.sessionflow.activities.datakeys.StoredDataKeys;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.workflows.erasure.Erased;
import dev.sessionflow.workflows.erasure.Erasure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EndUserDataTest extends StoreTestBase {
  @Autowired EndUserData data;
  @Autowired StoredDataKeys keys;

  private long count(String sql, String param) {
    return jdbc.sql(sql).param("p", param).query(Long.class).single();
  }

  @Test
  void anErasureEmptiesTextsNameAndCommentsAuditsOnceAndLeavesOthersAlone() {
    AcceptedMessage theirs = endUserSays("c-theirs", "m-1", "I live at Rua Augusta 12");
    closes.close(closing(theirs, 1, "Ended."));
    jdbc.sql(
            """
            insert into surveys (survey_id, token_hash, session_id, ticket_id, sent_at, expires_at,
              rating, comment, answered_at) values ('s-1', 's-1', :session, :ticket, :at, :at, 1,
              'Ask for Joana', :at)
            """)
        .param("session", theirs.sessionId())
        .param("ticket", theirs.ticketId())
        .param("at", Times.db(T0))
        .update();
    endUserSays("c-other", "m-1", "Rua Augusta too");
    assertThat(data.openSessions("user-of-c-theirs")).isEmpty();
    assertThat(data.openSessions("user-of-c-other")).hasSize(1);

    Erased erased = data.erase(new Erasure("user-of-c-theirs", "admin-1"));
    Erased again = data.erase(new Erasure("user-of-c-theirs", "admin-1"));

    assertThat(erased).isEqualTo(new Erased(0, 1, 2, 1, 1));
    assertThat(again).isEqualTo(new Erased(0, 1, 0, 0, 0));
    assertThat(transcript("c-theirs")).extracting(StoredMessage::text).containsOnly("");
    assertThat(transcript("c-other")).extracting(StoredMessage::text).contains("Rua Augusta too");
    assertThat(
            count(
                "select count(*) from conversations where conversation_id = :p"
                    + " and end_user_name is not null",
                "c-theirs"))
        .isZero();
    assertThat(
            count(
                "select count(*) from surveys where comment is not null and survey_id = :p", "s-1"))
        .isZero();
    assertThat(
            count(
                "select count(*) from ticket_audit where kind = 'ERASED' and ticket_id = :p",
                theirs.ticketId()))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from end_user_erasures where subject_hash = :p",
                EndUserData.subjectHash("user-of-c-theirs")))
        .isEqualTo(2);
  }

  @Test
  void theKeysOfTheEndUsersSessionsGoAndOnlyTheirsAndTheRecordSaysHowMany() {
    AcceptedMessage theirs = endUserSays("c-theirs", "m-1", "hello");
    AcceptedMessage other = endUserSays("c-other", "m-1", "hello");
    String theirKey = keys.of(theirs.sessionId()).id();
    String otherKey = keys.of(other.sessionId()).id();
    Erasure erasure = new Erasure("user-of-c-theirs", "admin-1");
    data.erase(erasure);

    assertThat(data.destroyDataKeys(erasure)).isEqualTo(1);
    // A retry after a crash that followed the commit answers what the first attempt did.
    assertThat(data.destroyDataKeys(erasure)).as("a repeat").isEqualTo(1);

    assertThat(keys.byId(theirKey)).isEmpty();
    assertThat(keys.byId(otherKey)).isPresent();
    assertThat(
            count(
                "select data_keys_destroyed from end_user_erasures where subject_hash = :p",
                EndUserData.subjectHash("user-of-c-theirs")))
        .isEqualTo(1);
  }

  @Test
  void anErasedConversationReopensNoMoreAndASettledSessionIsToldApart() {
    AcceptedMessage theirs = endUserSays("c-theirs", "m-1", "hello");
    closes.close(closing(theirs, 1, "Ended."));
    assertThat(data.endedAndSettled(theirs.sessionId())).isFalse();
    jdbc.sql("update sessions set reopen_until = :at where session_id = :s")
        .param("at", dev.sessionflow.activities.support.Times.db(T0.plusSeconds(3600)))
        .param("s", theirs.sessionId())
        .update();
    jdbc.sql("update tickets set settled_at = :at where ticket_id = :t")
        .param("at", dev.sessionflow.activities.support.Times.db(T0))
        .param("t", theirs.ticketId())
        .update();
    assertThat(data.endedAndSettled(theirs.sessionId())).isTrue();

    data.erase(new Erasure("user-of-c-theirs", "admin-1"));
    clock.advance(java.time.Duration.ofMinutes(1)); // within the window it had
    AcceptedMessage next = endUserSays("c-theirs", "m-2", "back again");

    assertThat(next.sessionId())
        .as("a new session, not the erased one reopened")
        .isNotEqualTo(theirs.sessionId());
    assertThat(data.sessions("user-of-c-theirs"))
        .containsExactly(theirs.sessionId(), next.sessionId());
  }
}
