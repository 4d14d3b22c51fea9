package dev.sessionflow.activities.tickets;

import dev.sessionflow.activities.support.Times;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.model.TicketFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets and their audit trail. Callers own the transaction. */
@Repository
public class TicketStore {
  private final JdbcClient jdbc;
  private final Clock clock;

  public TicketStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Opens a ticket for a new session; the ticket id is a readable number. The audit names who
   * acted: the end user, through the channel that relayed the message ({@code relayedBy}).
   */
  public String open(
      String conversationId, String sessionId, String requesterId, String relayedBy) {
    long number = jdbc.sql("select nextval('ticket_number')").query(Long.class).single();
    String ticketId = Long.toString(number);
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into tickets (ticket_id, status, conversation_id, session_id, requester_id,
              created_at, updated_at)
            values (:id, 'OPEN', :conversation, :session, :requester, :now, :now)
            """)
        .param("id", ticketId)
        .param("conversation", conversationId)
        .param("session", sessionId)
        .param("requester", requesterId)
        .param("now", Times.db(now))
        .update();
    audit(
        ticketId,
        sessionId,
        "OPENED",
        "messaging session " + sessionId + " opened by " + endUser(requesterId, relayedBy));
    return ticketId;
  }

  /** The fields triggers read: the ticket's and its session's. */
  public Optional<TicketFacts> facts(String ticketId) {
    return jdbc.sql(
            """
            select t.ticket_id, t.session_id, t.group_name, t.status,
              s.status as session_status, s.end_reason, s.ended_by
            from tickets t left join sessions s on s.session_id = t.session_id
            where t.ticket_id = :id
            """)
        .param("id", ticketId)
        .query(
            (rs, row) ->
                new TicketFacts(
                    rs.getString("ticket_id"),
                    rs.getString("session_id"),
                    rs.getString("group_name"),
                    rs.getString("status"),
                    rs.getString("session_status"),
                    rs.getString("end_reason"),
                    rs.getString("ended_by")))
        .optional();
  }

  /** Moves the ticket to a group; answers false if it was there already. */
  public boolean setGroup(String ticketId, String group) {
    return jdbc.sql(
                """
                update tickets set group_name = :group, updated_at = :now
                where ticket_id = :id and (group_name is null or group_name <> :group)
                """)
            .param("group", group)
            .param("now", Times.db(clock.instant()))
            .param("id", ticketId)
            .update()
        == 1;
  }

  /** Sets the ticket's status; answers false if it had it already. */
  public boolean setStatus(String ticketId, String status) {
    return jdbc.sql(
                """
                update tickets set status = :status, updated_at = :now
                where ticket_id = :id and status <> :status
                """)
            .param("status", status)
            .param("now", Times.db(clock.instant()))
            .param("id", ticketId)
            .update()
        == 1;
  }

  public Optional<Ticket> find(String ticketId) {
    return jdbc.sql("select * from tickets where ticket_id = :id")
        .param("id", ticketId)
        .query(TicketStore::map)
        .optional();
  }

  /**
   * Applies a settlement once: the audit row's unique key is the guard, so a retried settlement
   * finds it and changes nothing. Answers whether this call settled the ticket.
   */
  public boolean settle(Settlement s) {
    int claimed =
        audit(
            s.ticketId(),
            s.sessionId(),
            s.round() == 0 ? "SETTLED" : "SETTLED-" + s.round(),
            "session ended by "
                + s.end().endedBy()
                + (s.end().agentId() == null ? "" : " (" + s.end().agentId() + ")")
                + (s.end().via() == null ? "" : " via " + s.end().via().describe())
                + ", reason "
                + s.end().reason()
                + "; status "
                + s.status()
                + (s.group() == null ? "" : ", group " + s.group())
                + "; CSAT "
                + s.csat());
    if (claimed == 0) {
      return false;
    }
    jdbc.sql(
            """
            update tickets set status = :status, group_name = coalesce(:group, group_name),
              ended_by = :endedBy, ended_by_id = :endedById, end_reason = :reason,
              ended_via = :via,
              ended_at = :endedAt, settled_at = :now, updated_at = :now
            where ticket_id = :id
            """)
        .param("status", s.status())
        .param("group", s.group())
        .param("endedBy", s.end().endedBy().name())
        .param("endedById", s.end().agentId())
        .param("reason", s.end().reason())
        .param("via", s.end().via() == null ? null : s.end().via().label())
        .param("endedAt", Times.db(s.end().endedAt()))
        .param("now", Times.db(clock.instant()))
        .param("id", s.ticketId())
        .update();
    return true;
  }

  /** The session of this ticket was reopened by its end user: the ticket is OPEN again. */
  public void reopen(
      String ticketId, String sessionId, int round, String endUserId, String relayedBy) {
    jdbc.sql(
            """
            update tickets set status = 'OPEN', settled_at = null, updated_at = :now
            where ticket_id = :id
            """)
        .param("now", Times.db(clock.instant()))
        .param("id", ticketId)
        .update();
    audit(
        ticketId,
        sessionId,
        reopenedKind(round),
        endUser(endUserId, relayedBy) + " wrote again within the window");
  }

  /** "end user u-1 via channel web-chat": the end user acts through the channel's token. */
  private static String endUser(String endUserId, String relayedBy) {
    return "end user " + endUserId + " via channel " + relayedBy;
  }

  /** The audit entry's kind that records the reopen starting round {@code round}. */
  public static String reopenedKind(int round) {
    return "REOPENED-" + round;
  }

  /**
   * Whether a round's reopen is in the audit trail; by ticket first, so that it reads the trail's
   * index ({@code audit_once}) rather than all of it.
   */
  static final String REOPENED =
      "select count(*) from ticket_audit where ticket_id = :t and session_id = :s and kind = :kind";

  /**
   * Whether the session was reopened after round {@code round} ended: a close or settlement of that
   * round arriving late (a retry) is then stale and must change nothing.
   */
  public boolean reopenedAfter(String ticketId, String sessionId, int round) {
    return jdbc.sql(REOPENED)
            .param("t", ticketId)
            .param("s", sessionId)
            .param("kind", reopenedKind(round + 1))
            .query(Long.class)
            .single()
        > 0;
  }

  /** The end user rated (through the survey link, which is theirs alone). */
  public void recordCsatRating(String ticketId, String sessionId, int rating) {
    jdbc.sql("update tickets set csat_rating = :rating, updated_at = :now where ticket_id = :id")
        .param("rating", rating)
        .param("now", Times.db(clock.instant()))
        .param("id", ticketId)
        .update();
    String endUser =
        jdbc.sql("select requester_id from tickets where ticket_id = :id")
            .param("id", ticketId)
            .query(String.class)
            .single();
    audit(ticketId, sessionId, "CSAT_ANSWERED", "rated " + rating + " by end user " + endUser);
  }

  /** The ticket's audit trail, oldest first. */
  public java.util.List<TicketAuditEntry> audit(String ticketId) {
    return jdbc.sql("select * from ticket_audit where ticket_id = :id order by id")
        .param("id", ticketId)
        .query(
            (rs, row) ->
                new TicketAuditEntry(
                    rs.getString("kind"),
                    rs.getString("session_id"),
                    rs.getString("detail"),
                    Times.instant(rs, "at")))
        .list();
  }

  /** Appends to the audit trail once per (ticket, session, kind); answers rows written. */
  int audit(String ticketId, String sessionId, String kind, String detail) {
    return audit(ticketId, sessionId, kind, "", detail);
  }

  /** Appends to the audit trail once per (ticket, session, kind, step); answers rows written. */
  public int audit(String ticketId, String sessionId, String kind, String stepKey, String detail) {
    return jdbc.sql(
            """
            insert into ticket_audit (ticket_id, session_id, kind, step_key, detail, at)
            values (:ticket, :session, :kind, :step, :detail, :at)
            on conflict do nothing
            """)
        .param("ticket", ticketId)
        .param("session", sessionId)
        .param("kind", kind)
        .param("step", stepKey)
        .param("detail", detail)
        .param("at", Times.db(clock.instant()))
        .update();
  }

  private static Ticket map(ResultSet rs, int row) throws SQLException {
    return new Ticket(
        rs.getString("ticket_id"),
        rs.getString("status"),
        rs.getString("group_name"),
        rs.getString("conversation_id"),
        rs.getString("session_id"),
        rs.getString("requester_id"),
        rs.getObject("csat_rating", Integer.class),
        rs.getString("ended_by"),
        rs.getString("end_reason"),
        Times.instant(rs, "ended_at"),
        Times.instant(rs, "settled_at"),
        Times.instant(rs, "created_at"),
        Times.instant(rs, "updated_at"),
        rs.getString("ended_via"),
        rs.getString("ended_by_id"));
  }
}
