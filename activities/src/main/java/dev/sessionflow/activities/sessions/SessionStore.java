package dev.sessionflow.activities.sessions;

import dev.sessionflow.activities.csat.Survey;
import dev.sessionflow.activities.csat.SurveyStore;
import dev.sessionflow.activities.datakeys.StoredDataKeys;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.activities.SessionProgress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The session read model. Callers own the transaction. */
@Repository
public class SessionStore {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final SessionStarts starts;
  private final StoredDataKeys dataKeys;

  public SessionStore(JdbcClient jdbc, Clock clock, SessionStarts starts, StoredDataKeys dataKeys) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.starts = starts;
    this.dataKeys = dataKeys;
  }

  public void open(
      String sessionId, String conversationId, String ticketId, String endUserId, String channel) {
    jdbc.sql(
            """
            insert into sessions (session_id, conversation_id, ticket_id, end_user_id, status,
              opened_at, updated_at, channel)
            values (:id, :conversation, :ticket, :endUser, 'ACTIVE', :now, :now, :channel)
            """)
        .param("channel", channel)
        .param("id", sessionId)
        .param("conversation", conversationId)
        .param("ticket", ticketId)
        .param("endUser", endUserId)
        .param("now", Times.db(clock.instant()))
        .update();
    starts.pending(sessionId);
    dataKeys.makeWith(sessionId);
  }

  public Optional<SessionRecord> find(String sessionId) {
    return jdbc.sql("select * from sessions where session_id = :id")
        .param("id", sessionId)
        .query(SessionStore::map)
        .optional();
  }

  /** A session with its ticket's group, as an access check needs them: one read. */
  public Optional<InGroup> findWithGroup(String sessionId) {
    return jdbc.sql(
            """
            select s.*, t.group_name as ticket_group from sessions s
            left join tickets t on t.ticket_id = s.ticket_id
            where s.session_id = :id
            """)
        .param("id", sessionId)
        .query(SessionStore::inGroup)
        .optional();
  }

  private static InGroup inGroup(ResultSet rs, int row) throws SQLException {
    return new InGroup(map(rs, row), rs.getString("ticket_group"));
  }

  /**
   * @param ticketGroup the group of the session's ticket, null for none
   */
  public record InGroup(SessionRecord session, String ticketGroup) {}

  /**
   * The session an end request acts on, with all else the request reads in the same statement: its
   * ticket's group (for the access check), the last message the end follows and the settings
   * version. An agent's end waits on this read before its Update, so it is one round trip.
   */
  public Optional<EndTarget> findForEnd(String sessionId) {
    return jdbc.sql(
            """
            select s.*, t.group_name as ticket_group,
              (select max(m.seq) from messages m
               where m.session_id = s.session_id and m.author in ('AGENT', 'END_USER')) as last_seq,
              (select count(*) from messages m
               where m.session_id = s.session_id and m.author in ('AGENT', 'END_USER'))
                as message_count,
              %s as settings_version
            from sessions s left join tickets t on t.ticket_id = s.ticket_id
            where s.session_id = :id
            """
                .formatted(SettingsStore.VERSION_QUERY))
        .param("id", sessionId)
        .query(
            (rs, row) ->
                new EndTarget(
                    inGroup(rs, row),
                    rs.getLong("last_seq"),
                    rs.getLong("settings_version"),
                    rs.getLong("message_count")))
        .optional();
  }

  /**
   * @param lastSequence the session's last message from the end user or an agent, 0 for none
   * @param settingsVersion the current settings version, 0 before the settings were first stored
   * @param messageCount how many messages from the end user or an agent the session has
   */
  public record EndTarget(
      InGroup found, long lastSequence, long settingsVersion, long messageCount) {}

  /** A listed session with its survey (null when none was sent). */
  public record Listed(SessionRecord session, Survey survey) {}

  /** Where a page of sessions ends: the next page starts after it. */
  public record Position(Instant openedAt, String sessionId) {}

  /**
   * A page of the sessions the reader may see, newest first, with their surveys: one query,
   * whatever the page size. {@code status} and {@code agentId} filter when given.
   *
   * @param after the last session of the previous page, or null for the first page
   */
  public List<Listed> page(
      SessionVisibility visible, String status, String agentId, Position after, int limit) {
    return jdbc.sql(
            """
            select s.*, v.survey_id, v.sent_at, v.expires_at, v.rating, v.comment,
              v.answered_at, v.scale, v.withdrawn_at
            from sessions s left join tickets t on t.ticket_id = s.ticket_id
              left join surveys v on v.session_id = s.session_id
            where (cast(:status as varchar) is null or s.status = :status)
              and (cast(:agent as varchar) is null or s.assigned_agent_id = :agent)
              and (cast(:at as timestamp with time zone) is null or s.opened_at < :at
                   or (s.opened_at = :at and s.session_id > :id))
              and %s
            order by s.opened_at desc, s.session_id limit :limit
            """
                .formatted(visible.condition()))
        .params(visible.params())
        .param("status", status)
        .param("agent", agentId)
        .param("at", after == null ? null : Times.db(after.openedAt()))
        .param("id", after == null ? "" : after.sessionId())
        .param("limit", limit)
        .query(
            (rs, row) ->
                new Listed(
                    map(rs, row),
                    rs.getString("survey_id") == null ? null : SurveyStore.map(rs, row)))
        .list();
  }

  /** The ids of a conversation's sessions the reader may see. */
  public List<String> visibleIn(String conversationId, SessionVisibility visible) {
    return jdbc.sql(
            """
            select s.session_id from sessions s left join tickets t on t.ticket_id = s.ticket_id
            where s.conversation_id = :conversation and %s
            """
                .formatted(visible.condition()))
        .params(visible.params())
        .param("conversation", conversationId)
        .query(String.class)
        .list();
  }

  /** Sessions not ended yet (running workflows, as far as the read model knows). */
  /** A page of the sessions not ended, in id order, after {@code afterId} ("" for the first). */
  public List<String> openSessionIds(String afterId, int limit) {
    return jdbc.sql(
            """
            select session_id from sessions where status <> 'ENDED' and session_id > :after
            order by session_id limit :limit
            """)
        .param("after", afterId)
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /** The most recent session of a conversation. */
  public Optional<SessionRecord> latestOf(String conversationId) {
    return jdbc.sql(
            """
            select * from sessions where conversation_id = :id
            order by opened_at desc, session_id limit 1
            """)
        .param("id", conversationId)
        .query(SessionStore::map)
        .optional();
  }

  /** Makes an ended session ACTIVE again; its revision stays for the workflow to move on from. */
  public void reopen(String sessionId) {
    jdbc.sql(
            """
            update sessions set status = 'ACTIVE', ended_by = null, ended_by_agent_id = null,
              end_reason = null, ended_at = null, csat_wanted = null, reopen_until = null,
              ended_via = null, end_request_id = null,
              updated_at = :now
            where session_id = :id and status = 'ENDED'
            """)
        .param("now", Times.db(clock.instant()))
        .param("id", sessionId)
        .update();
  }

  /** The first agent to reply is the assignee. */
  public void assignIfUnassigned(String sessionId, String agentId) {
    jdbc.sql(
            """
            update sessions set assigned_agent_id = :agent, updated_at = :now
            where session_id = :id and assigned_agent_id is null
            """)
        .param("agent", agentId)
        .param("now", Times.db(clock.instant()))
        .param("id", sessionId)
        .update();
  }

  /** Applies a progress report unless a newer one (or the end) is already stored. */
  public void recordProgress(SessionProgress p) {
    jdbc.sql(
            """
            update sessions set status = :status,
              assigned_agent_id = coalesce(assigned_agent_id, :agent),
              revision = :revision, updated_at = :now
            where session_id = :id and revision < :revision and status <> 'ENDED'
            """)
        .param("status", p.status().name())
        .param("agent", p.assignedAgentId())
        .param("revision", p.revision())
        .param("now", Times.db(clock.instant()))
        .param("id", p.sessionId())
        .update();
  }

  /** Marks the session ended; false if it was (a retry), or was reopened since (a late retry). */
  public boolean markEnded(SessionClosing c) {
    return jdbc.sql(
                """
                update sessions set status = 'ENDED', revision = :revision,
                  assigned_agent_id = coalesce(:agent, assigned_agent_id),
                  ended_by = :endedBy, ended_by_agent_id = :endedByAgent, end_reason = :reason,
                  ended_at = :endedAt, csat_wanted = :csat, reopen_until = :reopenUntil,
                  ended_via = :via, end_request_id = :requestId, updated_at = :now
                where session_id = :id and status <> 'ENDED'
                  and not exists (select 1 from ticket_audit a where a.ticket_id = sessions.ticket_id
                    and a.session_id = sessions.session_id and a.kind = :reopened)
                """)
            .param("revision", c.revision())
            .param("agent", c.assignedAgentId())
            .param("endedBy", c.end().endedBy().name())
            .param("endedByAgent", c.end().agentId())
            .param("reason", c.end().reason())
            .param("endedAt", Times.db(c.end().endedAt()))
            .param("csat", c.end().csatWanted())
            .param("reopenUntil", Times.db(c.reopenUntil()))
            .param("via", c.end().via() == null ? null : c.end().via().label())
            .param("requestId", c.end().requestId())
            .param("now", Times.db(clock.instant()))
            .param("id", c.sessionId())
            .param("reopened", TicketStore.reopenedKind(c.round() + 1))
            .update()
        == 1;
  }

  private static SessionRecord map(ResultSet rs, int row) throws SQLException {
    return new SessionRecord(
        rs.getString("session_id"),
        rs.getString("conversation_id"),
        rs.getString("ticket_id"),
        rs.getString("end_user_id"),
        rs.getString("status"),
        rs.getString("assigned_agent_id"),
        rs.getString("ended_by"),
        rs.getString("ended_by_agent_id"),
        rs.getString("end_reason"),
        Times.instant(rs, "ended_at"),
        rs.getObject("csat_wanted", Boolean.class),
        Times.instant(rs, "reopen_until"),
        Times.instant(rs, "opened_at"),
        Times.instant(rs, "updated_at"),
        rs.getString("ended_via"),
        rs.getString("end_request_id"),
        rs.getString("channel"));
  }
}
