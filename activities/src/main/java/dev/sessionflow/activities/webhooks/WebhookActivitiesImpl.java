package dev.sessionflow.activities.webhooks;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionflow.activities.csat.Survey;
import dev.sessionflow.activities.csat.SurveyLinks;
import dev.sessionflow.activities.csat.SurveyStore;
import dev.sessionflow.workflows.session.MessagingSession;
import dev.sessionflow.workflows.webhooks.WebhookActivities;
import dev.sessionflow.workflows.webhooks.WebhookCall;
import dev.sessionflow.workflows.webhooks.WebhookDelivery;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Delivers one event to one receiver, signed the Standard Webhooks way. The HTTP client resolves
 * through {@link WebhookDestinations}, follows no redirect and uses no proxy, so it only ever
 * connects to an address checked at that moment. A receiver cannot hold a delivery slot: each call
 * has a total deadline ({@link #DEADLINE}, however slowly the bytes trickle in) and reads at most
 * {@link #MAX_RESPONSE} bytes of the answer. Failure messages (kept in Temporal's history) name the
 * hook's id, never its URL, which may carry a secret.
 */
@Component
@ActivityImpl(taskQueues = {MessagingSession.TASK_QUEUE, WebhookDelivery.ACTIVITY_TASK_QUEUE})
public class WebhookActivitiesImpl implements WebhookActivities {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Logger log = LoggerFactory.getLogger(WebhookActivitiesImpl.class);

  private final WebhookStore webhooks;
  private final WebhookDeliveries deliveries;
  private final Clock clock;

  /** The longest one delivery may take, from connecting to the last byte read. */
  static final Duration DEADLINE = Duration.ofSeconds(15);

  /** The most of a receiver's answer read (only its status matters). */
  static final int MAX_RESPONSE = 64 * 1024;

  private final CloseableHttpClient http;
  private final Duration deadline;
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("webhook-deadlines").factory());

  /** For {@code csat.sent}'s survey link; null in tests of the POST alone. */
  private final SurveyStore surveys;

  private final SurveyLinks links;

  @Autowired
  public WebhookActivitiesImpl(
      WebhookStore webhooks,
      WebhookDeliveries deliveries,
      WebhookDestinations destinations,
      Clock clock,
      SurveyStore surveys,
      SurveyLinks links) {
    this(webhooks, deliveries, destinations, clock, DEADLINE, surveys, links);
  }

  WebhookActivitiesImpl(
      WebhookStore webhooks,
      WebhookDeliveries deliveries,
      WebhookDestinations destinations,
      Clock clock,
      Duration deadline,
      SurveyStore surveys,
      SurveyLinks links) {
    this.surveys = surveys;
    this.links = links;
    this.deadline = deadline;
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.clock = clock;
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new GuardedDnsResolver(destinations))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(Timeout.ofSeconds(10))
                            .build())
                    .setMaxConnTotal(50)
                    .setMaxConnPerRoute(10)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .build();
  }

  @PreDestroy
  void close() throws IOException {
    deadlines.shutdownNow();
    http.close();
  }

  @Override
  public void post(WebhookCall call) {
    Webhook hook =
        webhooks
            .find(call.hookId())
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "webhook " + call.hookId() + " was removed", "WebhookRemoved"));
    List<String> secrets = webhooks.signingSecrets(hook.hookId());
    byte[] body = json(call);
    String id = call.event().eventId();
    long timestamp = clock.instant().getEpochSecond();
    HttpPost post = new HttpPost(URI.create(hook.url()));
    post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
    post.setHeader(WebhookSigner.ID, id);
    post.setHeader(WebhookSigner.TIMESTAMP, Long.toString(timestamp));
    post.setHeader(
        WebhookSigner.SIGNATURE,
        secrets.stream()
            .map(secret -> WebhookSigner.standard(secret, id, timestamp, body))
            .collect(Collectors.joining(" ")));
    int status;
    try {
      status = send(hook, post);
    } catch (ApplicationFailure refused) {
      attempted(call, WebhookDeliveries.Outcome.STOPPED, null, refused.getOriginalMessage());
      throw refused;
    } catch (RuntimeException unreachable) {
      attempted(call, WebhookDeliveries.Outcome.FAILING, null, unreachable.getMessage());
      throw unreachable;
    }
    if (status == 410) {
      attempted(call, WebhookDeliveries.Outcome.STOPPED, status, "answered 410 Gone");
      throw ApplicationFailure.newNonRetryableFailure(
          "webhook " + hook.hookId() + " answered 410 Gone", "WebhookGone");
    }
    if (status < 200 || status > 299) {
      attempted(call, WebhookDeliveries.Outcome.FAILING, status, "answered " + status);
      throw new IllegalStateException("webhook " + hook.hookId() + " answered " + status);
    }
    attempted(call, WebhookDeliveries.Outcome.DELIVERED, status, null);
  }

  /** Notes the attempt for the admins; a failure to note it must not repeat or undo the post. */
  private void attempted(
      WebhookCall call, WebhookDeliveries.Outcome outcome, Integer status, String error) {
    try {
      deliveries.record(
          call.hookId(), call.event().eventId(), call.event().type(), outcome, status, error);
    } catch (RuntimeException e) {
      log.warn(
          "could not note the delivery of {} to webhook {}: {}",
          call.event().eventId(),
          call.hookId(),
          e.toString());
    }
  }

  private int send(Webhook hook, HttpPost post) {
    ScheduledFuture<?> late = deadlines.schedule(post::cancel, deadline.toMillis(), MILLISECONDS);
    try {
      return http.execute(
          post,
          response -> {
            readAtMost(response.getEntity(), post);
            return response.getCode();
          });
    } catch (IOException e) {
      if (post.isCancelled()) {
        throw new IllegalStateException(
            "webhook " + hook.hookId() + " took longer than " + deadline.toSeconds() + " s", e);
      }
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof WebhookDestinations.RefusedDestinationException refused) {
          throw ApplicationFailure.newNonRetryableFailure(
              "webhook " + hook.hookId() + " refused: " + refused.getMessage(),
              "WebhookDestinationRefused");
        }
      }
      throw new IllegalStateException(
          "webhook " + hook.hookId() + " unreachable: " + e.getClass().getSimpleName(), e);
    } finally {
      late.cancel(false);
    }
  }

  /**
   * Reads the answer's body up to {@link #MAX_RESPONSE} bytes, so that the connection can be
   * reused; a longer one is cut off (the connection is then dropped, never read to its end).
   */
  private static void readAtMost(HttpEntity entity, HttpPost post) throws IOException {
    if (entity == null) {
      return;
    }
    try (InputStream in = entity.getContent()) {
      byte[] buffer = new byte[8192];
      long read = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        read += n;
        if (read > MAX_RESPONSE) {
          post.cancel();
          return;
        }
      }
    }
  }

  private byte[] json(WebhookCall call) {
    try {
      return JSON.writeValueAsBytes(completedFromStore(call.event()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The event as the receiver gets it, completed from the store with what Temporal must not hold:
   * {@code csat.sent} gets the end user's survey link (its history never holds a token, see
   * SurveyTokens), {@code csat.answered} the end user's comment (personal data, which an erasure or
   * the retention may have removed meanwhile: then none).
   */
  private WebhookEvent completedFromStore(WebhookEvent event) {
    boolean sent = WebhookEvent.CSAT_SENT.equals(event.type());
    if (surveys == null
        || !(sent || WebhookEvent.CSAT_ANSWERED.equals(event.type()))
        || !(event.data().get("sessionId") instanceof String sessionId)) {
      return event;
    }
    Optional<Survey> survey = surveys.forSession(sessionId);
    Map<String, Object> data = new LinkedHashMap<>(event.data());
    if (sent) {
      survey
          .flatMap(s -> surveys.linkToken(s.surveyId()))
          .ifPresent(token -> data.put("surveyUrl", links.surveyUrl(token)));
    } else {
      data.put("comment", survey.map(Survey::comment).orElse(null));
    }
    return new WebhookEvent(event.eventId(), event.type(), event.occurredAt(), data);
  }
}
