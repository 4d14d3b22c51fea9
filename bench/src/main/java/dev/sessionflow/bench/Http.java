package dev.sessionflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The service's HTTP API, as its clients call it. */
final class Http {
  static final String ADMIN = "dev-admin";
  static final String AGENT = "dev-agent-1";
  static final String CHANNEL = "dev-channel";
  static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Http(String base) {
    this.base = base;
  }

  JsonNode post(String path, String token, String body, int expected) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)),
        expected);
  }

  JsonNode put(String path, String token, String body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)),
        200);
  }

  JsonNode get(String path, String token) {
    return send(request(path, token).GET(), 200);
  }

  /** An end-user message; answers the session id. */
  String endUserSays(String conversation, String messageId) {
    return post(
            "/api/v1/conversations/" + conversation + "/messages",
            CHANNEL,
            "{\"messageId\":\""
                + messageId
                + "\",\"endUserId\":\"u-"
                + conversation
                + "\","
                + "\"text\":\"Where is my order?\"}",
            202)
        .get("sessionId")
        .asText();
  }

  void agentSays(String sessionId, String messageId) {
    post(
        "/api/v1/sessions/" + sessionId + "/messages",
        AGENT,
        "{\"messageId\":\"" + messageId + "\",\"text\":\"Looking into it\"}",
        202);
  }

  private HttpRequest.Builder request(String path, String token) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token);
  }

  private JsonNode send(HttpRequest.Builder request, int expected) {
    try {
      HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != expected) {
        throw new IllegalStateException(
            "expected " + expected + ", got " + r.statusCode() + ": " + r.body());
      }
      return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
