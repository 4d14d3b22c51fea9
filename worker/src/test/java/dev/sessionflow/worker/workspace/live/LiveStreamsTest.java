package dev.sessionflow.worker.workspace.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.worker.SignedInBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Live streams: capped per user, and all of one caller's streams of a page share one poll. */
@TestPropertySource(properties = "sessionflow.live.max-streams-per-user=12")
class LiveStreamsTest extends ApiTestBase {
  @Autowired LiveHub hub;

  HttpClient signedIn(String identity) throws Exception {
    return SignedInBrowser.as(base(), identity).http;
  }

  static HttpResponse<Stream<String>> open(HttpClient browser, String url) throws Exception {
    return browser
        .sendAsync(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofLines())
        .get(20, TimeUnit.SECONDS);
  }

  @Test
  void anAgentsStreamsAreCappedAndShareOnePoll() throws Exception {
    HttpClient agent = signedIn(ApiClient.AGENT_2);
    int viewsBefore = hub.views();
    List<HttpResponse<Stream<String>>> streams = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) {
        HttpResponse<Stream<String>> stream = open(agent, base() + "/inbox/stream");
        assertThat(stream.statusCode()).as("stream " + (i + 1)).isEqualTo(200);
        streams.add(stream);
      }
      assertThat(hub.views()).as("one view polled for all twelve").isEqualTo(viewsBefore + 1);

      HttpResponse<Stream<String>> refused = open(agent, base() + "/inbox/stream");
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.body().toList().toString()).contains("rate-limited");

      // Another agent has a budget of its own.
      HttpResponse<Stream<String>> other =
          open(signedIn(ApiClient.AGENT_1), base() + "/inbox/stream");
      assertThat(other.statusCode()).isEqualTo(200);
      streams.add(other);
    } finally {
      streams.forEach(s -> CompletableFuture.runAsync(() -> s.body().close()));
    }
  }

  @Test
  void aStreamGetsWhatChangedWithinTwoSeconds() throws Exception {
    HttpClient agent = signedIn(ApiClient.AGENT_1);
    HttpResponse<Stream<String>> stream = open(agent, base() + "/inbox/stream");
    String c = newConversation();
    CompletableFuture<String> seen =
        CompletableFuture.supplyAsync(
            () -> stream.body().filter(l -> l.contains("Is anyone there")).findFirst().orElse(""));
    api.endUserSays(c, "m-1", "Is anyone there");
    assertThat(seen.get(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS))
        .contains("Is anyone there");
    stream.body().close();
  }
}
