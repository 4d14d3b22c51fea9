package dev.sessionflow.worker.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.conversations.SessionStoreActivitiesImpl;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import jakarta.servlet.Filter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The store round trips an API request costs on its own thread, as the message path's throughput
 * depends on them: each statement is one, and so is each commit. The figures are printed (the
 * benchmark's notes quote them) and held to what the path needs, so a new query on it shows here.
 */
class StoreRoundTripsTest extends ApiTestBase {

  @TestConfiguration
  static class Counting {
    @Bean
    static RoundTrips roundTrips() {
      return new RoundTrips();
    }

    /** Marks the thread that handles a request, whatever its name (virtual or not). */
    @Bean
    Filter onRequestThread() {
      return (request, response, chain) -> {
        RoundTrips.REQUEST.set(true);
        try {
          chain.doFilter(request, response);
        } finally {
          RoundTrips.REQUEST.remove();
        }
      };
    }

    @Bean
    static BeanPostProcessor countingDataSource(RoundTrips roundTrips) {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource ds ? roundTrips.wrap(ds) : bean;
        }
      };
    }
  }

  @Autowired RoundTrips roundTrips;

  @Test
  void eachMessageAndTheEndCostOnlyTheRoundTripsTheyNeed() {
    api.endUserSays(newConversation(), "m-0", "Hello"); // the current settings read once
    String c = newConversation();
    Cost opening = roundTrips.of(() -> api.endUserSays(c, "m-0", "Hello"));
    String s = api.endUserSays(c, "m-1", "Anyone?").get("sessionId").asText();
    Cost firstReply = roundTrips.of(() -> api.agentSays(ApiClient.AGENT_1, s, "a-1", "Hi"));
    Cost endUser = roundTrips.of(() -> api.endUserSays(c, "m-2", "Thanks"));
    Cost agent = roundTrips.of(() -> api.agentSays(ApiClient.AGENT_1, s, "a-2", "Sure"));
    Cost repeat = roundTrips.of(() -> api.agentSays(ApiClient.AGENT_1, s, "a-2", "Sure"));
    Cost end =
        roundTrips.of(
            () -> api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, "{}").expect(200));

    System.out.printf(
        "store round trips on the request thread (statements + commits): opening message %s,"
            + " end-user message %s, agent's first reply %s, agent message %s, repeated agent"
            + " message %s, agent end %s%n",
        opening, endUser, firstReply, agent, repeat, end);
    // Two of them are the outbox of starts: its row written with the session, deleted once its
    // workflow exists (the delete commits on its own). Each new message writes its row in the
    // outbox of signals in its own transaction; the rows are deleted in batches off the request.
    // one statement more since data keys: the session's key, in its opening transaction
    assertThat(opening).isEqualTo(new Cost(15, 1));
    assertThat(endUser).isEqualTo(new Cost(3, 1));
    assertThat(agent).isEqualTo(new Cost(5, 1));
    assertThat(firstReply).isEqualTo(new Cost(6, 1));
    assertThat(repeat).isEqualTo(new Cost(5, 1));
    assertThat(end).isEqualTo(new Cost(1, 0));
  }

  @Autowired SessionStoreActivitiesImpl storeActivities;
  @Autowired SessionService sessionService;
  @Autowired SessionStore sessionStore;

  /**
   * The close of an agent's end runs as a local activity inside the workflow task that answers the
   * end Update: each of its round trips is on the agent's wait.
   */
  @Test
  void theEndsCloseCostsOnlyTheRoundTripsItNeeds() {
    String c = newConversation();
    String s = api.endUserSays(c, "m-0", "Hello").get("sessionId").asText();
    SessionEnd end =
        new SessionEnd(
            EndedBy.AGENT,
            "agent-1",
            "RESOLVED",
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            false);
    SessionClosing closing = new SessionClosing(s, c, 1, "agent-1", end, "Ended.", 0, null);

    RoundTrips.REQUEST.set(true);
    Cost close;
    Cost repeat;
    try {
      close = roundTrips.of(() -> storeActivities.closeAsDecided(closing, null));
      repeat = roundTrips.of(() -> storeActivities.closeAsDecided(closing, null));
    } finally {
      RoundTrips.REQUEST.remove();
    }

    System.out.printf(
        "store round trips of an agent end's close (statements + commits): %s, repeated %s%n",
        close, repeat);
    // Lock, mark ENDED (unless reopened since), the notice (the conversation's locale, then the
    // insert), release the conversation. A repeat reads back the end stored. Before: 8 + 1 and 5 +
    // 1 (the lock
    // taken twice, the reopen asked apart, the end read back even when this call stored it).
    assertThat(close).isEqualTo(new Cost(5, 1));
    assertThat(repeat).isEqualTo(new Cost(3, 1));
    // The session never heard of that end: finish it as the reconciler would, so that no test
    // sharing the store finds an end left unsettled.
    assertThat(sessionService.askToFinish(sessionStore.find(s).orElseThrow())).isTrue();
  }

  /** Statements executed and transactions committed. */
  record Cost(int statements, int commits) {
    @Override
    public String toString() {
      return statements + " + " + commits;
    }
  }

  /** Counts the statements and commits made while the service handles a request. */
  static final class RoundTrips {
    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();

    Cost of(Runnable request) {
      int s = statements.get();
      int c = commits.get();
      request.run();
      return new Cost(statements.get() - s, commits.get() - c);
    }

    static final ThreadLocal<Boolean> REQUEST = new ThreadLocal<>();

    private static boolean onRequestThread() {
      return REQUEST.get() != null;
    }

    DataSource wrap(DataSource target) {
      return proxy(
          DataSource.class,
          target,
          (proxy, method, args) -> {
            Object result = call(target, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
          });
    }

    private Connection connection(Connection target) {
      return proxy(
          Connection.class,
          target,
          (proxy, method, args) -> {
            if (method.getName().equals("commit") && onRequestThread()) {
              commits.incrementAndGet();
            }
            Object result = call(target, method, args);
            if (result instanceof CallableStatement statement) {
              return statement(CallableStatement.class, statement);
            }
            if (result instanceof PreparedStatement statement) {
              return statement(PreparedStatement.class, statement);
            }
            if (result instanceof Statement statement) {
              return statement(Statement.class, statement);
            }
            return result;
          });
    }

    private <S extends Statement> S statement(Class<S> type, S target) {
      return proxy(
          type,
          target,
          (proxy, method, args) -> {
            if (method.getName().startsWith("execute") && onRequestThread()) {
              statements.incrementAndGet();
            }
            return call(target, method, args);
          });
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
      return type.cast(
          Proxy.newProxyInstance(
              StoreRoundTripsTest.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args)
        throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
