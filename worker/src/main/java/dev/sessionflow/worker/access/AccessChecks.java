package dev.sessionflow.worker.access;

import dev.sessionflow.activities.conversations.ConversationChannels;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.sessions.SessionVisibility;
import dev.sessionflow.activities.tickets.Ticket;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.ProblemType;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.Role;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Checks every object access against the caller's scope: out of sight answers 404 (as if it did not
 * exist), a change to something the caller may only read answers 403.
 */
@Service
public class AccessChecks {
  private final SessionStore sessions;
  private final TicketStore tickets;
  private final ConversationChannels channels;

  public AccessChecks(SessionStore sessions, TicketStore tickets, ConversationChannels channels) {
    this.sessions = sessions;
    this.tickets = tickets;
    this.channels = channels;
  }

  /** The session, if the caller may read it (or, with {@code change}, change it). */
  public SessionRecord session(Caller caller, String sessionId, boolean change) {
    return session(
        caller,
        sessions
            .findWithGroup(sessionId)
            .orElseThrow(() -> ApiException.notFound("Session " + sessionId)),
        change);
  }

  /** The same check on a session already read with its ticket's group. */
  public SessionRecord session(Caller caller, SessionStore.InGroup found, boolean change) {
    SessionRecord session = found.session();
    String sessionId = session.sessionId();
    if (caller.role() == Role.CHANNEL) {
      requireOwnConversation(caller, session.conversationId(), "Session " + sessionId);
      return session;
    }
    require(
        Reach.of(caller, found.ticketGroup(), session.assignedAgentId()),
        change,
        "Session " + sessionId);
    return session;
  }

  /** The ticket, if the caller may read it (or, with {@code change}, change it). */
  public Ticket ticket(Caller caller, String ticketId, boolean change) {
    Ticket ticket =
        tickets.find(ticketId).orElseThrow(() -> ApiException.notFound("Ticket " + ticketId));
    require(reach(caller, ticket), change, "Ticket " + ticketId);
    return ticket;
  }

  /** Which sessions the caller may see, for queries that list them. */
  public static SessionVisibility visibility(Caller caller) {
    return switch (caller.role()) {
      case ADMIN -> SessionVisibility.ALL;
      case CHANNEL, VISITOR -> SessionVisibility.NONE;
      case AGENT ->
          switch (caller.access()) {
            case ALL -> SessionVisibility.ALL;
            case GROUPS -> SessionVisibility.groups(caller.groups());
            case ASSIGNED -> SessionVisibility.assignedOrFree(caller.agentId());
          };
    };
  }

  /**
   * What of the conversation the caller may read: its channel and whoever sees every ticket read it
   * whole (null); an agent of narrower scope, the sessions in its sight, and nothing (404) when
   * none is.
   */
  public Set<String> readConversation(Caller caller, String conversationId) {
    String what = "Conversation " + conversationId;
    if (caller.role() == Role.CHANNEL) {
      requireOwnConversation(caller, conversationId, what);
      return null;
    }
    SessionVisibility visible = visibility(caller);
    if (visible.kind() == SessionVisibility.Kind.ALL) {
      return null;
    }
    Set<String> sessionIds = new HashSet<>(sessions.visibleIn(conversationId, visible));
    if (sessionIds.isEmpty()) {
      throw ApiException.notFound(what);
    }
    return sessionIds;
  }

  /** A channel writing to a conversation: the first channel to write claims it. */
  public void claimConversation(Caller channel, String conversationId) {
    if (!channels.claim(conversationId, channel.getName()).equals(channel.getName())) {
      throw ApiException.notFound("Conversation " + conversationId);
    }
  }

  private void requireOwnConversation(Caller channel, String conversationId, String what) {
    Optional<String> owner = channels.owner(conversationId);
    if (owner.isPresent() && !owner.get().equals(channel.getName())) {
      throw ApiException.notFound(what);
    }
  }

  private Reach reach(Caller caller, Ticket ticket) {
    String assigned =
        sessions.find(ticket.sessionId()).map(SessionRecord::assignedAgentId).orElse(null);
    return Reach.of(caller, ticket.group(), assigned);
  }

  private static void require(Reach reach, boolean change, String what) {
    if (reach == Reach.HIDDEN) {
      throw ApiException.notFound(what);
    }
    if (change && reach != Reach.CHANGE) {
      throw new ApiException(
          ProblemType.FORBIDDEN, what + " is another agent's: you may read it, not change it");
    }
  }
}
