package dev.sessionflow.activities.datakeys;

import dev.sessionflow.activities.support.Times;
import dev.sessionflow.workflows.codec.DataKeyWrap;
import dev.sessionflow.workflows.codec.DataKeys;
import dev.sessionflow.workflows.codec.PayloadKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sessions' data keys, in the store wrapped under the payload key and held a short while in
 * memory. A destroyed key leaves this replica at once and the others' memory within {@link #HELD}.
 */
@Component
public class StoredDataKeys implements DataKeys {
  /** How long a replica keeps a key it read: the longest a destroyed key still opens anything. */
  public static final Duration HELD = Duration.ofMinutes(2);

  private final JdbcClient jdbc;
  private final DataKeyWrap wrap;
  private final Clock clock;

  /** Its own transaction: a key a payload names must outlive a caller's rollback. */
  private final TransactionTemplate ownTransaction;

  private final RecentKeys recent;

  public StoredDataKeys(
      JdbcClient jdbc, PayloadKeys keys, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.wrap = new DataKeyWrap(keys);
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.recent = new RecentKeys(HELD, clock);
  }

  @Override
  public DataKey of(String subject) {
    DataKey cached = recent.bySubject(subject);
    if (cached != null) {
      return cached;
    }
    return read("subject", subject).orElseGet(() -> create(subject));
  }

  @Override
  public Optional<DataKey> byId(String keyId) {
    DataKey cached = recent.byId(keyId);
    if (cached != null) {
      return Optional.of(cached);
    }
    return read("key_id", keyId);
  }

  /**
   * Destroys the subjects' keys: their payloads no longer decode here, nor anywhere once every
   * replica's memory let go of them.
   *
   * @return how many keys went
   */
  public int destroy(Collection<String> subjects) {
    if (subjects.isEmpty()) {
      return 0;
    }
    subjects.forEach(recent::forget);
    return jdbc.sql("delete from data_keys where subject in (:s)").param("s", subjects).update();
  }

  /**
   * Makes the subject's key in the caller's transaction (a session's opening one: no round trip of
   * its own), remembered once that commits, so the session's first payload finds it in memory.
   */
  public void makeWith(String subject) {
    DataKey key = DataKeyWrap.fresh();
    insert(subject, wrap.wrap(key));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              recent.put(subject, key);
            }
          });
    }
  }

  private DataKey create(String subject) {
    DataKeyWrap.Wrapped wrapped = wrap.wrap(DataKeyWrap.fresh());
    try {
      ownTransaction.executeWithoutResult(status -> insert(subject, wrapped));
    } catch (DuplicateKeyException anotherReplicaMadeIt) {
      return read("subject", subject).orElseThrow();
    }
    DataKey key = wrap.unwrap(wrapped);
    recent.put(subject, key);
    return key;
  }

  private void insert(String subject, DataKeyWrap.Wrapped wrapped) {
    jdbc.sql(
            """
            insert into data_keys (key_id, subject, wrapped, wrapped_by, created_at)
            values (:id, :subject, :wrapped, :by, :now)
            """)
        .param("id", wrapped.id())
        .param("subject", subject)
        .param("wrapped", wrapped.wrapped())
        .param("by", wrapped.wrappedBy())
        .param("now", Times.db(clock.instant()))
        .update();
  }

  /** The key the store holds, by subject or id (a column name of ours, never input). */
  private Optional<DataKey> read(String column, String value) {
    return jdbc.sql(
            "select key_id, subject, wrapped, wrapped_by from data_keys where " + column + " = :v")
        .param("v", value)
        .query(
            (rs, row) -> {
              DataKey key =
                  wrap.unwrap(
                      new DataKeyWrap.Wrapped(
                          rs.getString("key_id"),
                          rs.getString("wrapped_by"),
                          rs.getString("wrapped")));
              recent.put(rs.getString("subject"), key);
              return key;
            })
        .optional();
  }
}
