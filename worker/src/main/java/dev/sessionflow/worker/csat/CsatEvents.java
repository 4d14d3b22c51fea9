package dev.sessionflow.worker.csat;

import dev.sessionflow.activities.csat.SurveyStore;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.worker.sessions.SessionGateway;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Raises {@code csat.answered} for the webhooks that want it. */
@Component
class CsatEvents {
  private static final Logger log = LoggerFactory.getLogger(CsatEvents.class);

  private final SurveyStore surveys;
  private final SettingsStore settings;
  private final SessionGateway gateway;
  private final Clock clock;

  CsatEvents(SurveyStore surveys, SettingsStore settings, SessionGateway gateway, Clock clock) {
    this.surveys = surveys;
    this.settings = settings;
    this.gateway = gateway;
    this.clock = clock;
  }

  void csatAnswered(String surveyToken, int rating) {
    var hooks = settings.current().sessionPolicy().webhooks();
    if (hooks.isEmpty()) {
      return;
    }
    surveys
        .byToken(surveyToken)
        .ifPresent(
            survey -> {
              Map<String, Object> data = new LinkedHashMap<>();
              data.put("sessionId", survey.sessionId());
              data.put("ticketId", survey.ticketId());
              data.put("rating", rating);
              data.put("scale", survey.scale());
              // The comment joins the event at delivery, from the store: Temporal never holds it.
              WebhookEvent event =
                  new WebhookEvent(
                      WebhookEvent.CSAT_ANSWERED + ":" + survey.sessionId(),
                      WebhookEvent.CSAT_ANSWERED,
                      clock.instant().toString(),
                      data);
              try {
                gateway.publish(hooks, event);
              } catch (RuntimeException e) {
                // The answer is recorded; losing its event to a Temporal outage must not undo it.
                log.warn("could not publish {}: {}", event.eventId(), e.toString());
              }
            });
  }
}
