package dev.sessionflow.workflows.session;

import static dev.sessionflow.workflows.session.SessionSearchAttributes.AGENT_ID;
import static dev.sessionflow.workflows.session.SessionSearchAttributes.ENDED_BY;
import static dev.sessionflow.workflows.session.SessionSearchAttributes.ENDED_VIA;
import static dev.sessionflow.workflows.session.SessionSearchAttributes.END_REASON;
import static dev.sessionflow.workflows.session.SessionSearchAttributes.SESSION_STATUS;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/** Keeps the session's search attributes in step with its state (one upsert per change). */
final class SessionAttributes {

  private SessionAttributes() {}

  static void publish(SessionState state) {
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    updates.add(SESSION_STATUS.valueSet(state.status.name()));
    setIfPresent(updates, AGENT_ID, state.assignedAgentId);
    if (state.end != null) {
      updates.add(ENDED_BY.valueSet(state.end.endedBy().name()));
      updates.add(END_REASON.valueSet(state.end.reason()));
      if (state.end.via() != null) {
        updates.add(ENDED_VIA.valueSet(state.end.via().label()));
      }
    }
    Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
  }

  private static void setIfPresent(
      List<SearchAttributeUpdate<?>> updates, SearchAttributeKey<String> key, String value) {
    if (value != null) {
      updates.add(key.valueSet(value));
    }
  }
}
