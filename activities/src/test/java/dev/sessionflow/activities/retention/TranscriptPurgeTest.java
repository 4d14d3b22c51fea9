package dev.sessionflow.activities.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.activities.conversations.StoredMessage;
import dev.sessionflow.activities.support.InvalidInputException;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.workflows.retention.Purged;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TranscriptPurgeTest extends StoreTestBase {
  @Autowired RetentionSettings settings;
  @Autowired RetentionActivitiesImpl activities;
  @Autowired RetentionRuns runs;
  @Autowired TranscriptPurge purge;

  @AfterEach
  void keepForEver() {
    settings.set(null, "test");
    jdbc.sql("delete from retention_runs").update();
  }

  /** A session that ended at {@code endedAt}, with a message, the ended notice and a comment. */
  private AcceptedMessage endedAt(String conversationId, Instant endedAt) {
    clock.set(endedAt.minus(Duration.ofMinutes(5)));
    AcceptedMessage opened = endUserSays(conversationId, "m-1", "My address is Rua Augusta 12");
    clock.set(endedAt);
    closes.close(closing(opened, 1, "This conversation has ended."));
    jdbc.sql(
            """
            insert into surveys (survey_id, token_hash, session_id, ticket_id, sent_at, expires_at, rating,
              comment, answered_at) values (:token, :token, :session, :ticket, :at, :at, 2, :comment, :at)
            """)
        .param("token", "t-" + conversationId)
        .param("session", opened.sessionId())
        .param("ticket", opened.ticketId())
        .param("at", Times.db(endedAt))
        .param("comment", "the agent was rude to me, Maria")
        .update();
    return opened;
  }

  @Test
  void onlySessionsEndedBeforeTheCutoffLoseTheirTextsAndComments() {
    endedAt("c-old", T0);
    endedAt("c-recent", T0.plus(Duration.ofDays(20)));
    clock.set(T0.plus(Duration.ofDays(31)));
    settings.set("P30D", "admin-1");
    Instant cutoff = activities.purgeCutoff();

    assertThat(cutoff).isEqualTo(T0.plus(Duration.ofDays(1)));
    assertThat(purge.dryRun(cutoff)).isEqualTo(new Purged(1, 2, 1));
    assertThat(activities.purgeBatch(cutoff, 500)).isEqualTo(new Purged(1, 2, 1));

    assertThat(transcript("c-old")).extracting(StoredMessage::text).containsOnly("");
    assertThat(transcript("c-old")).extracting(StoredMessage::messageId).contains("m-1");
    assertThat(transcript("c-recent"))
        .extracting(StoredMessage::text)
        .contains("My address is Rua Augusta 12");
    assertThat(comments()).containsExactly("the agent was rude to me, Maria");
    // Nothing is left to purge: a second pass finds nothing, and the dry run says so.
    assertThat(activities.purgeBatch(cutoff, 500)).isEqualTo(Purged.NONE);
    assertThat(purge.dryRun(cutoff)).isEqualTo(Purged.NONE);
  }

  @Test
  void batchesTakeTheOldestFirstAndAPassIsRecordedOnce() {
    endedAt("c-1", T0);
    endedAt("c-2", T0.plus(Duration.ofHours(1)));
    endedAt("c-3", T0.plus(Duration.ofHours(2)));
    clock.set(T0.plus(Duration.ofDays(10)));
    settings.set("P2D", "admin-1");
    Instant cutoff = activities.purgeCutoff();

    Purged first = activities.purgeBatch(cutoff, 2);
    Purged second = activities.purgeBatch(cutoff, 2);
    activities.record("run-1", cutoff, first.plus(second));
    activities.record("run-1", cutoff, first.plus(second));

    assertThat(first.sessions()).isEqualTo(2);
    assertThat(second.sessions()).isEqualTo(1);
    assertThat(transcript("c-3")).extracting(StoredMessage::text).containsOnly("");
    assertThat(runs.latest(10))
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.cutoff()).isEqualTo(cutoff);
              assertThat(run.purged()).isEqualTo(new Purged(3, 6, 3));
            });
  }

  @Test
  void offByDefaultAndBoundedWhenOn() {
    assertThat(activities.purgeCutoff()).isNull();
    assertThatThrownBy(() -> settings.set("PT12H", "admin-1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("transcriptsKeptFor");
    assertThatThrownBy(() -> settings.set("a year", "admin-1"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> settings.set("P3651D", "admin-1"))
        .isInstanceOf(InvalidInputException.class);
    settings.set("P365D", "admin-1");
    assertThat(settings.transcriptsKeptFor()).contains(Duration.ofDays(365));
  }

  private java.util.List<String> comments() {
    return jdbc.sql("select comment from surveys where comment is not null")
        .query(String.class)
        .list();
  }
}
