package dev.sessionflow.activities.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.activities.webhooks.ChannelLanes.LaneMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ChannelLanesTest extends StoreTestBase {
  @Autowired ChannelLanes lanes;

  @Test
  void aNewLaneStartsAtTheSessionOfTheMessageThatWokeIt() {
    AcceptedMessage first = endUserSays("c-1", "m-1", "Hi");
    AcceptedMessage second = endUserSays("c-1", "m-2", "Anyone?");
    endUserSays("c-2", "m-1", "Other conversation");

    long position = lanes.position("h-1", "c-1", second.sequence());
    assertThat(position).isEqualTo(first.sequence() - 1);
    List<LaneMessage> next = lanes.after("c-1", position, 10);
    assertThat(next).extracting(LaneMessage::messageId).containsExactly("m-1", "m-2");
    assertThat(next.getFirst().openedSession()).isTrue();
    assertThat(next.get(1).openedSession()).isFalse();
    assertThat(next.getFirst().ticketId()).isEqualTo(first.ticketId());
    assertThat(next.getFirst().endUserId()).isEqualTo("user-of-c-1");

    // a later session of the conversation: a new lane starts at it, not at the conversation's start
    closes.close(closing(first, 1, "Bye."));
    AcceptedMessage again = endUserSays("c-1", "m-3", "Back again");
    assertThat(again.newSession()).isTrue();
    assertThat(lanes.position("h-2", "c-1", again.sequence())).isEqualTo(again.sequence() - 1);
  }

  @Test
  void theLaneMovesOnlyForward() {
    AcceptedMessage first = endUserSays("c-1", "m-1", "Hi");
    AcceptedMessage second = endUserSays("c-1", "m-2", "Anyone?");

    lanes.advance("h-1", "c-1", second.sequence());
    lanes.advance("h-1", "c-1", first.sequence()); // a late repeat of the first step
    assertThat(lanes.position("h-1", "c-1", first.sequence())).isEqualTo(second.sequence());
    assertThat(lanes.after("c-1", second.sequence(), 10)).isEmpty();
    assertThat(lanes.position("h-2", "c-1", second.sequence())).isEqualTo(first.sequence() - 1);
  }

  @Test
  void aConversationIsBehindWhenAMessageSinceTheHookWasMadeIsNotDelivered() {
    jdbc.sql(
            """
            insert into webhooks (hook_id, url, secret, events, created_at)
            values ('h-1', 'https://example.com/hook', 'x', 'message.created', :at)
            """)
        .param("at", Times.db(T0))
        .update();
    clock.advance(Duration.ofMinutes(1));
    AcceptedMessage first = endUserSays("c-1", "m-1", "Hi");
    AcceptedMessage other = endUserSays("c-2", "m-1", "Hello");
    clock.advance(Duration.ofMinutes(1));
    Instant now = clock.instant();

    assertThat(lanes.behind("h-1", T0, now, 10))
        .containsExactly(
            new ChannelLanes.Behind("c-1", first.sequence()),
            new ChannelLanes.Behind("c-2", other.sequence()));
    lanes.advance("h-1", "c-1", first.sequence());
    assertThat(lanes.behind("h-1", T0, now, 10))
        .containsExactly(new ChannelLanes.Behind("c-2", other.sequence()));
    assertThat(lanes.behind("h-1", T0, now.minus(Duration.ofMinutes(2)), 10))
        .as("too recent: the wake may still come")
        .isEmpty();
    assertThat(lanes.behind("h-2", T0, now, 10)).as("no such hook").isEmpty();
  }
}
