package dev.sessionflow.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A plain HTTP client for the API, as an integration would call it. */
public final class ApiClient {
  public static final String ADMIN = "dev-admin";
  public static final String AGENT_1 = "dev-agent-1";
  public static final String AGENT_2 = "dev-agent-2";
  public static final String CHANNEL = "dev-channel";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  public Response get(String path, String token) {
    return send(request(path, token).GET());
  }

  public Response post(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response put(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A PUT made against an entity tag ({@code If-Match}). */
  public Response put(String path, String token, String json, String ifMatch) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .header("If-Match", ifMatch)
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response patch(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  /** A POST with an {@code Idempotency-Key}. */
  public Response post(String path, String token, String json, String idempotencyKey) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * A GET of a stream that does not end: the status and content type once the response starts (its
   * body unread, the connection closed).
   */
  public Response opening(String path, String token) {
    try {
      HttpResponse<java.io.InputStream> response =
          http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      response.body().close();
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          "",
          null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A POST with extra headers (an Origin, say). */
  public Response post(String path, String token, String json, Map<String, String> headers) {
    HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json");
    headers.forEach(request::header);
    return send(
        request.POST(
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
  }

  /** An end-user message through the channel; answers the 202 body. */
  public JsonNode endUserSays(String conversationId, String messageId, String text) {
    Response r =
        post(
            "/api/v1/conversations/" + conversationId + "/messages",
            CHANNEL,
            "{\"messageId\":\"%s\",\"endUserId\":\"u-%s\",\"endUserName\":\"Ana\",\"text\":\"%s\"}"
                .formatted(messageId, conversationId, text));
    r.expect(202);
    return r.json();
  }

  public void agentSays(String token, String sessionId, String messageId, String text) {
    post(
            "/api/v1/sessions/" + sessionId + "/messages",
            token,
            "{\"messageId\":\"%s\",\"text\":\"%s\"}".formatted(messageId, text))
        .expect(202);
  }

  public JsonNode session(String sessionId) {
    return get("/api/v1/sessions/" + sessionId, ADMIN).expect(200).json();
  }

  /**
   * The whole transcript as the channel sees it (with the survey links it relays), page after page.
   */
  public JsonNode transcript(String conversationId) {
    var all = JSON.createArrayNode();
    String next = null;
    do {
      JsonNode page =
          get(
                  "/api/v1/conversations/"
                      + conversationId
                      + "/messages"
                      + (next == null ? "" : "?after=" + next),
                  CHANNEL)
              .expect(200)
              .json();
      all.addAll((com.fasterxml.jackson.databind.node.ArrayNode) page.get("messages"));
      next = page.path("next").isTextual() ? page.get("next").asText() : null;
    } while (next != null);
    return all;
  }

  /** The CSAT invitation in a conversation's transcript (the first, if several). */
  public JsonNode invitation(String conversationId) {
    for (JsonNode message : transcript(conversationId)) {
      if ("CSAT_INVITATION".equals(message.path("kind").asText())) {
        return message;
      }
    }
    throw new AssertionError("no CSAT invitation in conversation " + conversationId);
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers().firstValue("ETag").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls until the condition holds, failing after the timeout. */
  public static void await(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * @param etag the ETag header, null without one
   */
  public record Response(int status, String contentType, String body, String etag) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public Response expect(int expected) {
      if (status != expected) {
        throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
      }
      return this;
    }

    /** Asserts a problem+json answer with the given status and type slug. */
    public Response expectProblem(int expectedStatus, String slug) {
      expect(expectedStatus);
      if (!contentType.startsWith("application/problem+json")) {
        throw new AssertionError("expected application/problem+json but got " + contentType);
      }
      String type = json().path("type").asText();
      if (!type.endsWith("/" + slug)) {
        throw new AssertionError("expected problem type ending in " + slug + " but got " + type);
      }
      return this;
    }
  }
}
