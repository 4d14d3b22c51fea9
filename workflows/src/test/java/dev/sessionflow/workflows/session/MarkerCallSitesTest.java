package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each marker's "before" histories reach its call site: replayed, the session asks the marker and
 * takes an older branch. A "before" history that never asks it replays nothing of the old branch,
 * and a change to that branch would ship unchecked.
 *
 * <p>Seven older markers had no such history until {@link BeforeHistories} recorded one with the
 * marker held before its change ({@link MarkerProbe}). {@link #NOT_REACHED} stays empty: a new
 * marker must come with a "before" history that reaches it.
 */
class MarkerCallSitesTest {
  static final Set<VersionMarkers> NOT_REACHED = EnumSet.noneOf(VersionMarkers.class);

  @ParameterizedTest
  @EnumSource(VersionMarkers.class)
  void everyBeforeHistoryReachesItsMarkersCallSite(VersionMarkers marker) throws Exception {
    if (NOT_REACHED.contains(marker)) {
      boolean anyReaches = false;
      for (String name : marker.before) {
        anyReaches |= askedOnReplay(name).containsKey(marker.changeId);
      }
      assertThat(anyReaches)
          .as(marker.changeId + " is reached now: take it off NOT_REACHED")
          .isFalse();
      return;
    }
    for (String name : marker.before) {
      Map<String, Integer> asked = askedOnReplay(name);
      assertThat(asked)
          .as(name + " asks " + marker.changeId + " on replay")
          .containsKey(marker.changeId);
      assertThat(asked.get(marker.changeId))
          .as(name + " takes a branch older than " + marker.changeId + " " + marker.maxVersion)
          .isLessThan(marker.maxVersion);
    }
  }

  /** The markers a history's replay asks, each with the lowest branch it took. */
  static Map<String, Integer> askedOnReplay(String name) throws Exception {
    MarkerProbe probe = new MarkerProbe();
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder().setWorkerInterceptors(probe).build())
                .build())) {
      Worker worker = env.newWorker("replay-" + name);
      worker.registerWorkflowImplementationTypes(MessagingSessionImpl.class);
      worker.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(SessionHistoryReplayTest.read(name)));
    }
    return probe.asked;
  }
}
