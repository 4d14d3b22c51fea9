package dev.sessionflow.activities.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.StoreTestBase;
import java.sql.DatabaseMetaData;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every close and every settlement asks whether the end user has reopened the session since: that
 * lookup goes by session, so it must not read the whole audit trail, which grows with every ticket
 * the service has ever held.
 */
class ReopenLookupPlanTest extends StoreTestBase {
  @Autowired PlatformTransactionManager transactionManager;

  @Autowired DataSource dataSource;

  private boolean postgres() {
    try {
      return "PostgreSQL"
          .equals(
              JdbcUtils.extractDatabaseMetaData(
                  dataSource, DatabaseMetaData::getDatabaseProductName));
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theReopenLookupReadsAnIndexNotTheWholeAuditTrail() {
    String plan =
        new TransactionTemplate(transactionManager)
            .execute(
                status -> {
                  if (postgres()) {
                    // A small table is cheaper to scan: ask for the plan a large one would get.
                    jdbc.sql("set local enable_seqscan = off").update();
                  }
                  List<String> lines =
                      jdbc.sql("explain " + TicketStore.REOPENED)
                          .param("t", "t-1")
                          .param("s", "s-1")
                          .param("kind", TicketStore.reopenedKind(1))
                          .query(String.class)
                          .list();
                  return String.join("\n", lines);
                });

    System.out.println("reopen lookup plan: " + plan);
    // PostgreSQL: "Index Cond: ((ticket_id = ...". H2: "/* public.audit_once_INDEX_9: ...
    // ticket_id".
    // By session alone, both read the whole index: "Index Cond: ((session_id = ...".
    assertThat(plan).containsPattern("(Index Cond: \\(\\(ticket_id|audit_once[^*]*ticket_id)");
  }
}
