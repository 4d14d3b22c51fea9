package dev.sessionflow.activities.widget;

import dev.sessionflow.activities.support.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Widget visitors. A visitor's token is a bearer credential for its one conversation; only its
 * SHA-256 is stored. An anonymous visitor gets a new conversation; a verified one the conversation
 * of its {@code external_id}, the same from any browser.
 */
@Repository
public class VisitorStore {
  /** The end user id is at most 128 characters: a longer external id is named by its hash. */
  private static final int END_USER_ID_MAX = 128;

  private final JdbcClient jdbc;
  private final Clock clock;

  public VisitorStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public IssuedVisitor startAnonymous(Instant expiresAt) {
    String id = Secrets.random("", 12);
    return issue(new Visitor("vis-" + id, "w-" + id, "visitor-" + id, null, null, expiresAt));
  }

  /** A verified visitor of {@code externalId}, in that person's one conversation. */
  public IssuedVisitor startVerified(String externalId, String name, Instant expiresAt) {
    jdbc.sql(
            """
            insert into widget_identities (external_id, conversation_id, created_at)
            values (:ext, :conversation, :at) on conflict do nothing
            """)
        .param("ext", externalId)
        .param("conversation", "w-" + Secrets.random("", 12))
        .param("at", Times.db(clock.instant()))
        .update();
    String conversationId =
        jdbc.sql("select conversation_id from widget_identities where external_id = :ext")
            .param("ext", externalId)
            .query(String.class)
            .single();
    String endUserId = "ext-" + externalId;
    if (endUserId.length() > END_USER_ID_MAX) {
      endUserId = "ext-sha256-" + Secrets.sha256(externalId);
    }
    return issue(
        new Visitor(
            "vis-" + Secrets.random("", 12),
            conversationId,
            endUserId,
            name,
            externalId,
            expiresAt));
  }

  /** The visitor a token names, while it has not expired. */
  public Optional<Visitor> find(String token) {
    return jdbc.sql(
            """
            select visitor_id, conversation_id, end_user_id, end_user_name, external_id, expires_at
            from widget_visitors where token_hash = :hash and expires_at > :now
            """)
        .param("hash", Secrets.sha256(token))
        .param("now", Times.db(clock.instant()))
        .query(
            (rs, row) ->
                new Visitor(
                    rs.getString("visitor_id"),
                    rs.getString("conversation_id"),
                    rs.getString("end_user_id"),
                    rs.getString("end_user_name"),
                    rs.getString("external_id"),
                    Times.instant(rs, "expires_at")))
        .optional();
  }

  /** Forgets visitors that expired before {@code before}; their conversations stay. */
  public int purgeExpired(Instant before) {
    return jdbc.sql("delete from widget_visitors where expires_at < :before")
        .param("before", Times.db(before))
        .update();
  }

  private IssuedVisitor issue(Visitor visitor) {
    String token = Secrets.random("sfv_", 32);
    jdbc.sql(
            """
            insert into widget_visitors (visitor_id, token_hash, conversation_id, end_user_id,
              end_user_name, external_id, created_at, expires_at)
            values (:id, :hash, :conversation, :endUser, :name, :ext, :at, :expires)
            """)
        .param("id", visitor.visitorId())
        .param("hash", Secrets.sha256(token))
        .param("conversation", visitor.conversationId())
        .param("endUser", visitor.endUserId())
        .param("name", visitor.endUserName())
        .param("ext", visitor.externalId())
        .param("at", Times.db(clock.instant()))
        .param("expires", Times.db(visitor.expiresAt()))
        .update();
    return new IssuedVisitor(token, visitor);
  }
}
