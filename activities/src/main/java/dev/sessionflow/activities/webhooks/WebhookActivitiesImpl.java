package dev.sessionflow.activities.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionflow.workflows.session.MessagingSession;
import dev.sessionflow.workflows.webhooks.WebhookActivities;
import dev.sessionflow.workflows.webhooks.WebhookCall;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = MessagingSession.TASK_QUEUE)
public class WebhookActivitiesImpl implements WebhookActivities {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebhookStore webhooks;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public WebhookActivitiesImpl(WebhookStore webhooks) {
    this.webhooks = webhooks;
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
    byte[] body = json(call);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(hook.url()))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-Sessionflow-Event", call.event().type())
            .header("X-Sessionflow-Event-Id", call.event().eventId())
            .header(WebhookSigner.HEADER, WebhookSigner.sign(hook.secret(), body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    int status;
    try {
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("webhook " + hook.url() + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (status == 410) {
      throw ApplicationFailure.newNonRetryableFailure(
          "webhook " + hook.url() + " answered 410 Gone", "WebhookGone");
    }
    if (status < 200 || status > 299) {
      throw new IllegalStateException("webhook " + hook.url() + " answered " + status);
    }
  }

  private static byte[] json(WebhookCall call) {
    try {
      return JSON.writeValueAsBytes(call.event());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
