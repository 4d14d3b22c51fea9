package dev.sessionflow.activities;

import dev.sessionflow.activities.automation.SessionControl;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.session.ChatMessage;
import dev.sessionflow.workflows.session.EndRequest;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Does what a session workflow does with an end: records it in the store and settles the ticket
 * (OPEN for an escalation, SOLVED otherwise); records delivered messages.
 */
public class FakeSessionControl implements SessionControl {
  public final List<EndRequest> ends = new CopyOnWriteArrayList<>();
  public final List<ChatMessage> delivered = new CopyOnWriteArrayList<>();
  public volatile EndAnswer answer = EndAnswer.ENDED;

  private final SessionStore sessions;
  private final TicketStore tickets;
  private final Transactions tx;

  FakeSessionControl(SessionStore sessions, TicketStore tickets, Transactions tx) {
    this.sessions = sessions;
    this.tickets = tickets;
    this.tx = tx;
  }

  public void reset() {
    ends.clear();
    delivered.clear();
    answer = EndAnswer.ENDED;
  }

  @Override
  public EndAnswer end(String sessionId, EndRequest request) {
    ends.add(request);
    if (answer != EndAnswer.ENDED) {
      return answer;
    }
    SessionRecord s = sessions.find(sessionId).orElseThrow();
    SessionEnd end =
        new SessionEnd(
            request.endedBy(),
            request.agentId(),
            request.reason(),
            Clock.systemUTC().instant(),
            false,
            request.via(),
            request.requestId());
    tx.run(
        () -> {
          sessions.markEnded(
              new SessionClosing(sessionId, s.conversationId(), 99, null, end, "Ended.", 0, null));
          String status = "ESCALATED".equals(request.reason()) ? "OPEN" : "SOLVED";
          tickets.settle(
              new Settlement(s.ticketId(), sessionId, status, null, end, CsatStatus.SKIPPED, 0));
        });
    return EndAnswer.ENDED;
  }

  @Override
  public void deliver(SessionRecord session, ChatMessage message) {
    delivered.add(message);
  }
}
