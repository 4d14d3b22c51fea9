package dev.sessionflow.workflows.session;

import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sees every {@code Workflow.getVersion} a run asks, and the lowest branch it got: a replay shows
 * whether a history reaches a marker's call site. It can also hold a marker at its branch before
 * the change, as code that predates the marker would run, without recording it: a session recorded
 * so is a "before" history that reaches the call site (the old branch's code is still there).
 */
final class MarkerProbe extends WorkerInterceptorBase {
  final Map<String, Integer> asked = new ConcurrentHashMap<>();
  private final Set<String> heldBefore;

  MarkerProbe(Set<String> heldBefore) {
    this.heldBefore = heldBefore;
  }

  MarkerProbe() {
    this(Set.of());
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public void init(WorkflowOutboundCallsInterceptor outbound) {
        super.init(
            new WorkflowOutboundCallsInterceptorBase(outbound) {
              @Override
              public int getVersion(String changeId, int minSupported, int maxSupported) {
                int version =
                    heldBefore.contains(changeId)
                        ? Workflow.DEFAULT_VERSION
                        : super.getVersion(changeId, minSupported, maxSupported);
                asked.merge(changeId, version, Math::min);
                return version;
              }
            });
      }
    };
  }
}
