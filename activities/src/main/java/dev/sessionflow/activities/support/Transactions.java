package dev.sessionflow.activities.support;

import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in a transaction, again from the start when it lost a race (a concurrent
 * insert of the same key, a lock timeout or a serialization failure): the work re-reads what the
 * winner wrote and takes the idempotent path.
 */
@Component
public class Transactions {
  private static final int ATTEMPTS = 5;

  private final TransactionTemplate template;

  public Transactions(PlatformTransactionManager transactionManager) {
    this.template = new TransactionTemplate(transactionManager);
  }

  public <T> T inTransaction(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return template.execute(status -> work.get());
      } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
        if (attempt == ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  public void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
