package dev.sessionflow.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** With tracing on, one agent end is one trace: the API, the Update and the close activity. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"SESSIONFLOW_TRACING=true", "management.tracing.export.otlp.enabled=false"})
class TracingApiTest extends ApiTestBase {

  @TestConfiguration
  static class InMemorySpans {
    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
      return InMemorySpanExporter.create();
    }
  }

  @Autowired InMemorySpanExporter spans;

  @Test
  void anAgentEndIsOneTraceFromTheApiThroughTheUpdateToTheCloseActivity() {
    String conversation = newConversation();
    String sessionId = api.endUserSays(conversation, "m-1", "Hello").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, sessionId, "a-1", "Done");
    spans.reset();

    api.post("/api/v1/sessions/" + sessionId + "/end", ApiClient.AGENT_1, "{}").expect(200);

    ApiClient.await(
        Duration.ofSeconds(30),
        () -> names(endTrace()).stream().anyMatch(n -> n.contains("CloseAsDecided")));
    List<SpanData> trace = endTrace();
    trace.forEach(
        s ->
            System.out.println(
                "span " + s.getName() + " " + s.getSpanId() + " <- " + s.getParentSpanId()));
    assertThat(names(trace))
        .anyMatch(n -> n.contains("/api/v1/sessions/{sessionId}/end"))
        .anyMatch(n -> n.contains("Update") && n.contains("end"))
        .anyMatch(n -> n.startsWith("RunActivity:CloseAsDecided"));
  }

  /** The spans of the trace whose root is the end request. */
  private List<SpanData> endTrace() {
    List<SpanData> all = spans.getFinishedSpanItems();
    Set<String> traces =
        all.stream()
            .filter(s -> s.getName().contains("/end"))
            .map(SpanData::getTraceId)
            .collect(Collectors.toSet());
    assertThat(traces).as("traces of the end request").hasSizeLessThanOrEqualTo(1);
    return all.stream().filter(s -> traces.contains(s.getTraceId())).toList();
  }

  private static Set<String> names(List<SpanData> trace) {
    return trace.stream().map(SpanData::getName).collect(Collectors.toSet());
  }
}
