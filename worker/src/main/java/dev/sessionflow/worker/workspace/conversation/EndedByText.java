package dev.sessionflow.worker.workspace.conversation;

import dev.sessionflow.worker.sessions.SessionResponse;

/** How a session ended, in the words the agent reads: who, and through which macro or trigger. */
final class EndedByText {
  private EndedByText() {}

  static String of(SessionResponse s) {
    if (s.endedBy() == null) {
      return "";
    }
    String who =
        switch (s.endedBy()) {
          case "AGENT" -> s.endedByAgentId() + " (agent)";
          case "ADMIN" -> "an admin";
          case "END_USER" -> "the end user";
          case "SYSTEM" -> "INACTIVITY".equals(s.endReason()) ? "auto-close" : "the system";
          default -> s.endedBy().toLowerCase().replace('_', ' ');
        };
    return s.endedVia() == null ? who : who + " via " + s.endedVia();
  }
}
