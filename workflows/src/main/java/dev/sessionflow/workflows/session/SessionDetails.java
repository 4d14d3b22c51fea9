package dev.sessionflow.workflows.session;

import java.time.Instant;

/** The human summary shown as the workflow's current details in the Temporal Web UI. */
final class SessionDetails {

  private SessionDetails() {}

  static String markdown(SessionStart start, SessionState state) {
    StringBuilder text = new StringBuilder();
    text.append("**").append(state.status).append("**");
    text.append(" · ticket `").append(start.ticketId()).append('`');
    text.append(" · agent ")
        .append(state.assignedAgentId == null ? "unassigned" : state.assignedAgentId);
    text.append("\n\n").append(state.messageCount).append(" messages");
    if (state.lastAuthor != null) {
      text.append(", last from ").append(state.lastAuthor);
      text.append(" at ").append(Instant.ofEpochMilli(state.lastMessageAtMillis));
    }
    if (state.end != null) {
      text.append("\n\nEnded by ").append(state.end.endedBy());
      if (state.end.agentId() != null) {
        text.append(" (").append(state.end.agentId()).append(')');
      }
      if (state.end.via() != null) {
        text.append(" via ").append(state.end.via().describe());
      }
      text.append(", reason ").append(state.end.reason());
      text.append(" at ").append(state.end.endedAt());
      text.append("\n\nCSAT ").append(state.csat);
      text.append(state.settled ? " · ticket settled" : " · settling ticket");
    }
    return text.toString();
  }
}
