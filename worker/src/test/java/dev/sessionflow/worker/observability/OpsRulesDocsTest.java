package dev.sessionflow.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The alert rules of docs/ops/ point at runbooks that exist and are each unit-tested both ways
 * (docs/ops/alerts.test.yml, run by promtool in CI); the query parser that {@link
 * OpsRulesSeriesTest} relies on reads them as Prometheus would.
 */
class OpsRulesDocsTest {

  @Test
  void everyRunbookNamesAHeadingOfTheOperationsGuide() {
    Set<String> anchors = OpsRules.anchors(OpsRules.OPERATIONS);
    assertThat(anchors).contains("12-alerts-and-runbooks", "stuck-sessions-store-retries-looping");
    List<String> wrong = new ArrayList<>();
    for (OpsRules.Rule rule : OpsRules.rules()) {
      String runbook = rule.annotations().get("runbook");
      if (runbook == null || !runbook.startsWith("docs/operations.md#")) {
        wrong.add(rule.alert() + ": runbook " + runbook + " is not docs/operations.md#<section>");
      } else if (!anchors.contains(runbook.substring(runbook.indexOf('#') + 1))) {
        wrong.add(rule.alert() + ": no heading of docs/operations.md has the anchor " + runbook);
      }
    }
    assertThat(wrong).as("runbooks (headings: %s)", anchors).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyAlertHasAUnitTestThatFiresItAndOneThatDoesNot() {
    Set<String> fired = new LinkedHashSet<>();
    Set<String> quiet = new LinkedHashSet<>();
    for (Map<String, Object> test :
        (List<Map<String, Object>>) OpsRules.yaml(OpsRules.ALERT_TESTS).get("tests")) {
      for (Map<String, Object> check :
          (List<Map<String, Object>>) test.getOrDefault("alert_rule_test", List.of())) {
        List<Object> expected = (List<Object>) check.get("exp_alerts");
        (expected == null || expected.isEmpty() ? quiet : fired)
            .add((String) check.get("alertname"));
      }
    }
    List<String> alerts = OpsRules.rules().stream().map(OpsRules.Rule::alert).toList();
    assertThat(fired).as("alerts a test makes fire").containsAll(alerts);
    assertThat(quiet).as("alerts a test keeps quiet").containsAll(alerts);
  }

  @Test
  void theParserFindsEachSelectorAndTheLabelsItIsGroupedBy() {
    List<OpsRules.Selector> selectors =
        OpsRules.selectors(
            "example",
            """
            histogram_quantile(0.95, sum by (le, task_queue) (rate(a_bucket{q="x-y"}[5m]))) > 1
              or (sum(rate(b_count{task_queue=~"s(:sticky)?"}[5m])) or vector(0)) == 0
              and on() sum(increase(c_total[5m])) > 0
            """);
    assertThat(selectors)
        .extracting(OpsRules.Selector::metric)
        .containsExactly("a_bucket", "b_count", "c_total");
    assertThat(selectors.get(0).groupBy()).containsExactly("le", "task_queue");
    assertThat(selectors.get(0).matchers()).hasToString("[q=\"x-y\"]");
    assertThat(selectors.get(1).groupBy()).isEmpty();
    assertThat(selectors.get(1).matchers().get(0).matches("s:sticky")).isTrue();
    assertThat(selectors.get(1).matchers().get(0).matches("s:stickyx")).isFalse();

    Map<String, String> queries = OpsRules.queries();
    assertThat(queries).hasSizeGreaterThan(10);
    queries.forEach(
        (where, expr) -> assertThat(OpsRules.selectors(where, expr)).as(where).isNotEmpty());
  }
}
