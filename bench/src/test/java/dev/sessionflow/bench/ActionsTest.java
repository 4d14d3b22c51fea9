package dev.sessionflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Temporal Cloud actions counted from recorded histories: a session of the lifecycle scenario (10
 * messages through the API, the agent's end, survey, settlement) and its bare baseline, both
 * recorded from the full run of 2026-12-01 (bench/src/test/resources/histories), the bare
 * auto-close recorded from a small run, and the auto-close histories the session workflow's replay
 * test keeps.
 */
class ActionsTest {

  private static Map<String, Integer> count(Path file) throws IOException {
    return Actions.count(WorkflowExecutionHistory.fromJson(Files.readString(file)).getHistory());
  }

  private static Map<String, Integer> bench(String name) throws IOException {
    return count(Path.of("src/test/resources/histories", name + ".json"));
  }

  private static Map<String, Integer> workflows(String name) throws IOException {
    return count(Path.of("../workflows/src/test/resources/histories", name + ".json"));
  }

  @Test
  void theBareSessionCostsItsStartSignalsUpdateAndTwoActivities() throws IOException {
    assertThat(bench("bare-session"))
        .containsEntry("workflow start", 1)
        .containsEntry("signal", 10)
        .containsEntry("update", 1)
        .containsEntry("activity", 2)
        .containsEntry("total", 14);
  }

  @Test
  void aSessionOfTenMessagesAddsItsTimerReadModelAndClose() throws IOException {
    assertThat(bench("http-session"))
        .containsEntry("workflow start", 1)
        .containsEntry("signal", 10)
        .containsEntry("update", 1)
        .containsEntry("timer", 1)
        .containsEntry("activity", 3) // close, survey, settlement
        .containsEntry("local activities (per workflow task)", 1) // the assignee, in the read model
        .containsEntry("search-attribute upsert", 2)
        .containsEntry("total", 19);
  }

  @Test
  void aSessionWhoseAssigneeTheStoreTookWithTheMessageCostsEighteen() throws IOException {
    // The same lifecycle (10 messages as the API stores them, agent end, survey, settlement),
    // recorded on assignee-stored-with-message 1: no read-model write at the assignment.
    assertThat(workflows("assignee-stored-with-message"))
        .containsEntry("workflow start", 1)
        .containsEntry("signal", 10)
        .containsEntry("update", 1)
        .containsEntry("timer", 1)
        .containsEntry("activity", 3) // close, survey, settlement
        .doesNotContainKey("local activities (per workflow task)")
        .containsEntry("search-attribute upsert", 2) // the assignee, the end
        .containsEntry("total", 18);
  }

  @Test
  void anAutoCloseThatSettlesInItsCloseSavesTheSettlementsActivity() throws IOException {
    Map<String, Integer> before = workflows("auto-close-local-warning");
    Map<String, Integer> after = workflows("auto-close-in-one-task");

    assertThat(before).containsEntry("activity", 1).containsEntry("total", 14);
    assertThat(after).doesNotContainKey("activity").containsEntry("total", 13);
    // The local activities of one workflow task are one action, version markers none.
    assertThat(after).containsEntry("local activities (per workflow task)", 4);
  }

  @Test
  void theBareAutoCloseCostsItsStartMessagesWarningAndClose() throws IOException {
    assertThat(bench("bare-auto-close"))
        .containsEntry("workflow start", 1)
        .containsEntry("signal", 2)
        .containsEntry("timer", 2) // the warning's and the close's
        .containsEntry("activity", 2) // warning, close
        .containsEntry("total", 7);
  }

  @Test
  void anAutoClosedSessionAgainstItsBareShape() throws IOException {
    double session = workflows("auto-close-in-one-task").get("total");
    double bare = bench("bare-auto-close").get("total");

    assertThat(session / bare).isCloseTo(1.86, org.assertj.core.data.Offset.offset(0.01));
  }
}
