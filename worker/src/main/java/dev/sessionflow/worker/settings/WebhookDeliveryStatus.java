package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.webhooks.WebhookDeliveries;
import dev.sessionflow.activities.webhooks.WebhookDeliveries.Delivery;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** How each configured webhook's last delivery went, for the admins (the workspace shows it). */
@Service
public class WebhookDeliveryStatus {
  private final SettingsService settings;
  private final WebhookDeliveries deliveries;
  private final Clock clock;

  public WebhookDeliveryStatus(
      SettingsService settings, WebhookDeliveries deliveries, Clock clock) {
    this.settings = settings;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  /**
   * A webhook with its last delivery (null before its first).
   *
   * @param state DELIVERED, FAILING (being retried), GIVEN_UP (retried for a day) or STOPPED (410
   *     Gone, or an address not allowed)
   */
  public record HookStatus(
      SettingsResponse.Hook hook,
      String state,
      String eventType,
      int attempts,
      Integer httpStatus,
      String error,
      Instant lastAttemptAt) {}

  /** Every configured webhook, in the settings' order, with how its last delivery went. */
  public List<HookStatus> hooks() {
    List<SettingsResponse.Hook> hooks = SettingsResponse.of(settings.current(), true).webhooks();
    Map<String, Delivery> last =
        new LinkedHashMap<>(
            deliveries.latest(hooks.stream().map(SettingsResponse.Hook::hookId).toList()));
    Instant now = clock.instant();
    return hooks.stream()
        .map(
            hook -> {
              Delivery d = last.get(hook.hookId());
              if (d == null) {
                return new HookStatus(hook, null, null, 0, null, null, null);
              }
              String state = d.givenUp(now) ? "GIVEN_UP" : d.outcome().name();
              return new HookStatus(
                  hook,
                  state,
                  d.eventType(),
                  d.attempts(),
                  d.httpStatus(),
                  d.error(),
                  d.lastAttemptAt());
            })
        .toList();
  }
}
