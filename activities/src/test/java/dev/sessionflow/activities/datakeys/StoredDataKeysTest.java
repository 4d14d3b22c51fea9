package dev.sessionflow.activities.datakeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.activities.Concurrently;
import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.workflows.codec.DataKeys.DataKey;
import dev.sessionflow.workflows.codec.PayloadKeys;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class StoredDataKeysTest extends StoreTestBase {
  @Autowired StoredDataKeys keys;
  @Autowired PlatformTransactionManager transactions;

  /** Subjects of this test only: the shared bean remembers keys of earlier tests a while. */
  private final String run = java.util.UUID.randomUUID().toString().substring(0, 8);

  private String subject(String name) {
    return name + "-" + run;
  }

  /** Another replica: its own memory, the same store. */
  private StoredDataKeys anotherReplica(PayloadKeys payloadKeys) {
    return new StoredDataKeys(jdbc, payloadKeys, transactions, clock);
  }

  @Test
  void aSubjectHasOneKeyWrappedAtRestAndFoundByItsId() {
    DataKey key = keys.of(subject("s-1"));

    assertThat(keys.of(subject("s-1"))).isEqualTo(key);
    assertThat(keys.of(subject("s-2")).id()).isNotEqualTo(key.id());
    assertThat(anotherReplica(PayloadKeys.development()).byId(key.id()))
        .get()
        .extracting(k -> k.key().getEncoded())
        .isEqualTo(key.key().getEncoded());
    String stored =
        jdbc.sql("select wrapped from data_keys where subject = :s")
            .param("s", subject("s-1"))
            .query(String.class)
            .single();
    assertThat(stored)
        .doesNotContain(Base64.getEncoder().encodeToString(key.key().getEncoded()))
        .hasSizeGreaterThan(60); // nonce, key and tag
  }

  @Test
  void twoReplicasMakingASubjectsFirstKeyAtOnceAgreeOnOne() {
    List<StoredDataKeys> replicas =
        List.of(
            anotherReplica(PayloadKeys.development()), anotherReplica(PayloadKeys.development()));

    Set<String> ids =
        Concurrently.run(8, i -> replicas.get(i % 2).of(subject("s-race")).id()).stream()
            .collect(Collectors.toSet());

    assertThat(ids).hasSize(1);
    assertThat(count("data_keys")).isEqualTo(1);
  }

  @Test
  void aKeyOutlivesTheRollbackOfTheTransactionThatFirstUsedIt() {
    TransactionTemplate caller = new TransactionTemplate(transactions);
    String[] id = new String[1];
    caller.executeWithoutResult(
        status -> {
          id[0] = keys.of(subject("s-rolled-back")).id();
          status.setRollbackOnly();
        });

    assertThat(anotherReplica(PayloadKeys.development()).byId(id[0])).isPresent();
  }

  @Test
  void aDestroyedKeyOpensNothingHereAtOnceAndElsewhereOnceItsMemoryLapses() {
    StoredDataKeys elsewhere = anotherReplica(PayloadKeys.development());
    DataKey key = keys.of(subject("s-1"));
    DataKey kept = keys.of(subject("s-2"));
    assertThat(elsewhere.byId(key.id())).isPresent();

    assertThat(keys.destroy(List.of(subject("s-1"), subject("s-unknown")))).isEqualTo(1);

    assertThat(keys.byId(key.id())).isEmpty();
    assertThat(elsewhere.byId(key.id())).as("held in memory a while").isPresent();
    clock.advance(StoredDataKeys.HELD.plus(Duration.ofSeconds(1)));
    assertThat(elsewhere.byId(key.id())).isEmpty();
    assertThat(elsewhere.byId(kept.id())).isPresent();
    assertThat(keys.destroy(List.of(subject("s-1")))).isZero();
  }

  @Test
  void aKeyWrappedUnderAPayloadKeyNoLongerGivenDoesNotOpen() {
    DataKey key = keys.of(subject("s-1"));
    StoredDataKeys rotatedAway =
        anotherReplica(PayloadKeys.parse("k2:" + Base64.getEncoder().encodeToString(new byte[32])));

    assertThatThrownBy(() -> rotatedAway.byId(key.id()))
        .hasMessageContaining("no longer among the payload keys")
        .hasMessageNotContaining(Base64.getEncoder().encodeToString(key.key().getEncoded()));
  }

  @Test
  void aKeyMadeWithItsSessionIsRememberedOnlyOnceThatCommits() {
    TransactionTemplate opening = new TransactionTemplate(transactions);
    opening.executeWithoutResult(status -> keys.makeWith(subject("s-opened")));
    opening.executeWithoutResult(
        status -> {
          keys.makeWith(subject("s-lost"));
          status.setRollbackOnly();
        });
    long statements = count("data_keys");

    DataKey opened = keys.of(subject("s-opened"));
    DataKey lost = keys.of(subject("s-lost"));

    assertThat(statements).isEqualTo(1);
    assertThat(anotherReplica(PayloadKeys.development()).byId(opened.id())).isPresent();
    assertThat(count("data_keys")).as("the lost one made anew on first use").isEqualTo(2);
    assertThat(anotherReplica(PayloadKeys.development()).byId(lost.id())).isPresent();
  }
}
