package dev.sessionflow.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sessionflow.workflows.activities.StoreRefusals;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityInput;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityOutput;
import io.temporal.common.interceptors.Header;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;

class RefusedWritesTest {

  private static Throwable thrownThrough(RuntimeException failure) {
    return thrownThrough(failure, true, MessagingSession.WORKFLOW_TYPE);
  }

  /** What an activity's failure becomes on its way out, for an activity of this kind. */
  private static Throwable thrownThrough(RuntimeException failure, boolean local, String workflow) {
    ActivityInboundCallsInterceptor failing =
        new ActivityInboundCallsInterceptor() {
          @Override
          public void init(ActivityExecutionContext context) {}

          @Override
          public ActivityOutput execute(ActivityInput input) {
            throw failure;
          }
        };
    ActivityInfo info =
        (ActivityInfo)
            Proxy.newProxyInstance(
                ActivityInfo.class.getClassLoader(),
                new Class<?>[] {ActivityInfo.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "isLocal" -> local;
                      case "getWorkflowType" -> workflow;
                      default -> null;
                    });
    ActivityExecutionContext context =
        (ActivityExecutionContext)
            Proxy.newProxyInstance(
                ActivityExecutionContext.class.getClassLoader(),
                new Class<?>[] {ActivityExecutionContext.class},
                (proxy, method, args) -> "getInfo".equals(method.getName()) ? info : null);
    ActivityInboundCallsInterceptor intercepted = new RefusedWrites().interceptActivity(failing);
    intercepted.init(context);
    return catchThrowable(
        () -> intercepted.execute(new ActivityInput(new Header(Map.of()), new Object[0])));
  }

  @Test
  void aConstraintTheWriteBreaksIsARefusalNoRetryCanPass() {
    Throwable thrown =
        thrownThrough(
            new DataIntegrityViolationException(
                "could not execute", new IllegalStateException("value too long for column")));
    assertThat(StoreRefusals.isRefusal(thrown)).isTrue();
    assertThat(thrown).hasMessageContaining("value too long for column");
  }

  @Test
  void aRaceOrAnOutageStaysRetryable() {
    DuplicateKeyException race = new DuplicateKeyException("duplicate key");
    QueryTimeoutException outage = new QueryTimeoutException("timed out");
    assertThat(thrownThrough(race)).isSameAs(race);
    assertThat(thrownThrough(outage)).isSameAs(outage);
  }

  @Test
  void otherActivitiesAreLeftToTheirWorkflowsRetries() {
    DataIntegrityViolationException refused = new DataIntegrityViolationException("too long");
    assertThat(thrownThrough(refused, false, MessagingSession.WORKFLOW_TYPE)).isSameAs(refused);
    assertThat(thrownThrough(refused, true, "ChannelLane")).isSameAs(refused);
  }
}
