package dev.sessionflow.activities.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.webhooks.WebhookDeliveries.Delivery;
import dev.sessionflow.activities.webhooks.WebhookDeliveries.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WebhookDeliveriesTest extends StoreTestBase {
  @Autowired WebhookDeliveries deliveries;

  @Test
  void theLastDeliveryOfEachHookWithItsAttemptsAndLastAnswer() {
    deliveries.record(
        "h-1", "session.ended:s-1", "session.ended", Outcome.FAILING, 500, "answered 500");
    clock.advance(Duration.ofSeconds(1));
    deliveries.record(
        "h-1", "session.ended:s-1", "session.ended", Outcome.FAILING, null, "unreachable");
    clock.advance(Duration.ofSeconds(2));
    deliveries.record("h-1", "session.ended:s-1", "session.ended", Outcome.DELIVERED, 204, null);
    deliveries.record(
        "h-2", "csat.sent:s-1", "csat.sent", Outcome.STOPPED, 410, "answered 410 Gone");

    var latest = deliveries.latest(List.of("h-1", "h-2", "h-3"));

    assertThat(latest).containsOnlyKeys("h-1", "h-2");
    Delivery delivered = latest.get("h-1");
    assertThat(delivered.outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(delivered.attempts()).isEqualTo(3);
    assertThat(delivered.httpStatus()).isEqualTo(204);
    assertThat(delivered.error()).isNull();
    assertThat(delivered.firstAttemptAt()).isEqualTo(T0);
    assertThat(delivered.lastAttemptAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(latest.get("h-2").outcome()).isEqualTo(Outcome.STOPPED);
  }

  @Test
  void aNewerEventIsTheLastDeliveryAndAFailingOneIsGivenUpAfterADay() {
    deliveries.record("h-1", "e-1", "session.ended", Outcome.DELIVERED, 200, null);
    clock.advance(Duration.ofMinutes(1));
    deliveries.record("h-1", "e-2", "csat.sent", Outcome.FAILING, 503, "answered 503");

    Delivery last = deliveries.latest(List.of("h-1")).get("h-1");
    assertThat(last.eventId()).isEqualTo("e-2");
    assertThat(last.givenUp(clock.instant().plus(Duration.ofHours(23)))).isFalse();
    assertThat(last.givenUp(clock.instant().plus(Duration.ofHours(25)))).isTrue();
  }

  @Test
  void rowsOlderThanAFewDaysArePrunedAsNewOnesCome() {
    deliveries.record("h-1", "e-1", "session.ended", Outcome.DELIVERED, 200, null);
    clock.advance(WebhookDeliveries.KEPT.plusMinutes(1));
    deliveries.record("h-1", "e-2", "session.ended", Outcome.DELIVERED, 200, null);
    assertThat(count("webhook_deliveries")).isEqualTo(1);
  }
}
