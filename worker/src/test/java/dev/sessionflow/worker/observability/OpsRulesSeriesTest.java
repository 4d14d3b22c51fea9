package dev.sessionflow.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.sun.net.httpserver.HttpServer;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.workflows.activities.Settlement;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The alert rules and the dashboard of docs/ops/ select series that the service really exports:
 * every series a query names is in /actuator/prometheus, matching its label matchers, with the
 * labels its aggregations group by. The service runs a session through an agent's end and another
 * through an auto-close, with the failures the alerts watch for (a settlement refused once by the
 * database, in an activity and in a local activity; a webhook receiver answering 500 once; calls to
 * the Temporal server that fail), so that the series counted only when something happens exist too.
 */
class OpsRulesSeriesTest extends ApiTestBase {
  /** Series that Prometheus makes itself, and the labels it adds to every scraped series. */
  private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

  private static final Set<String> TARGET_LABELS = Set.of("instance", "job");

  /**
   * Counted only once a store write has failed its quick tries for minutes, too slow to provoke
   * here: {@code MessagingSessionTest} checks the session workflow counts each stalled try under
   * this name (less the {@code _total} the registry adds), in the workflow's own metrics scope,
   * which tags it with {@code workflow_type} like every series the SDK reports.
   */
  private static final Set<String> MADE_ONLY_BY_A_STALL =
      Set.of("sessionflow_store_write_stalled_total");

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][\\w:]*)(?:\\{(.*)})?\\s+\\S+.*$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_]\\w*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  @MockitoSpyBean TicketStore tickets;
  @Autowired WorkflowClient client;

  /** Sessions whose next settlement the database refuses (once each). */
  private final Set<String> refuseSettlement = ConcurrentHashMap.newKeySet();

  private HttpServer receiver;
  private final AtomicInteger deliveries = new AtomicInteger();

  @BeforeEach
  void failuresToWatch() throws IOException {
    doAnswer(
            call -> {
              Settlement settlement = call.getArgument(0);
              if (refuseSettlement.remove(settlement.sessionId())) {
                throw new TransientDataAccessResourceException("the database refused the write");
              }
              return call.callRealMethod();
            })
        .when(tickets)
        .settle(any());
    // A receiver that answers 500 to the first delivery, then 200.
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(deliveries.incrementAndGet() == 1 ? 500 : 200, -1);
          exchange.close();
        });
    receiver.start();
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            """
            {"inactiveAfter": "PT2S", "autoCloseAfter": "PT4S", "warnBeforeClose": "PT2S",
             "webhooks": [{"url": "http://127.0.0.1:%d/hook",
                           "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                           "events": ["session.ended"]}]}
            """
                .formatted(receiver.getAddress().getPort()))
        .expect(200);
  }

  @AfterEach
  void restore() {
    restoreDefaultSettings();
    receiver.stop(0);
  }

  @Test
  void everySeriesTheAlertsAndTheDashboardQueryIsExportedWithTheirLabels() throws Exception {
    // An agent's end: close, survey, settlement (refused once, retried by its activity).
    String ended = api.endUserSays(newConversation(), "m-1", "Hi").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, ended, "a-1", "Done");
    refuseSettlement.add(ended);
    api.post("/api/v1/sessions/" + ended + "/end", ApiClient.AGENT_1, "{}").expect(200);

    // An auto-close: close and settlement in one local activity (refused once, retried).
    String quiet = api.endUserSays(newConversation(), "m-1", "Hi").get("sessionId").asText();
    refuseSettlement.add(quiet);
    api.agentSays(ApiClient.AGENT_1, quiet, "a-1", "Anything else?");

    ApiClient.await(
        Duration.ofSeconds(40),
        () ->
            "ENDED".equals(api.session(quiet).path("status").asText())
                && refuseSettlement.isEmpty()
                && deliveries.get() >= 3);

    // Calls to the Temporal server that fail (NOT_FOUND), a plain one and a long poll.
    var missing = client.newUntypedWorkflowStub("no-such-session-" + UUID.randomUUID());
    try {
      missing.describe();
    } catch (RuntimeException expected) {
      // counted by the SDK
    }
    try {
      missing.getResult(2, TimeUnit.SECONDS, String.class);
    } catch (Exception expected) {
      // counted by the SDK
    }

    // The SDK reports its counters to Micrometer every few seconds.
    List<String> problems = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    do {
      Thread.sleep(1_000);
      problems = problems(scrape());
    } while (!problems.isEmpty() && System.nanoTime() < deadline);
    assertThat(problems).as("queries of docs/ops/ against /actuator/prometheus").isEmpty();
  }

  /** What is wrong with each query's selectors against the scraped series. */
  private static List<String> problems(Map<String, List<Map<String, String>>> scraped) {
    List<String> problems = new ArrayList<>();
    OpsRules.queries()
        .forEach(
            (where, expr) -> {
              for (OpsRules.Selector selector : OpsRules.selectors(where, expr)) {
                if (MADE_BY_PROMETHEUS.contains(selector.metric())
                    || MADE_ONLY_BY_A_STALL.contains(selector.metric())) {
                  continue;
                }
                List<Map<String, String>> series = scraped.get(selector.metric());
                if (series == null) {
                  problems.add(selector + ": no such series is exported");
                  continue;
                }
                List<Map<String, String>> matching =
                    series.stream()
                        .filter(
                            labels ->
                                selector.matchers().stream()
                                    .filter(m -> !TARGET_LABELS.contains(m.label()))
                                    .allMatch(m -> m.matches(labels.get(m.label()))))
                        .toList();
                if (matching.isEmpty()) {
                  problems.add(selector + ": no exported series matches; they are " + series);
                  continue;
                }
                for (String label : selector.groupBy()) {
                  if (!TARGET_LABELS.contains(label)
                      && matching.stream().noneMatch(labels -> carries(labels, label))) {
                    problems.add(
                        selector + ": no matching series has the label " + label + ": " + matching);
                  }
                }
              }
            });
    return problems;
  }

  /**
   * The Temporal SDK gives its series every label it knows, {@code none} where it does not apply
   * (e.g. {@code activity_type} on a request counter): grouping by such a label groups nothing.
   */
  private static boolean carries(Map<String, String> labels, String label) {
    return labels.containsKey(label) && !"none".equals(labels.get(label));
  }

  /** The exported series, by name: the label sets of each. */
  private Map<String, List<Map<String, String>>> scrape() {
    String body = api.get("/actuator/prometheus", ApiClient.ADMIN).expect(200).body();
    try {
      // The last scrape, to read when a query does not match.
      Files.writeString(Path.of("target/actuator-prometheus.txt"), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, List<Map<String, String>>> series = new HashMap<>();
    for (String line : body.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      Map<String, String> labels = new HashMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      series.computeIfAbsent(sample.group(1), name -> new ArrayList<>()).add(labels);
    }
    return series;
  }
}
