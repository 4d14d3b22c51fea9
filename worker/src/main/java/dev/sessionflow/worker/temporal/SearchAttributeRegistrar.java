package dev.sessionflow.worker.temporal;

import dev.sessionflow.workflows.session.SessionSearchAttributes;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On a real Temporal server, registers the session's search attributes if they are missing, and
 * waits until they are usable, before any session starts (several replicas may start at once: see
 * {@link SearchAttributeRegistration}); fails start-up with a clear message when it cannot
 * (Temporal Cloud: create them in the namespace's settings, the service account cannot).
 */
@Component
@ConditionalOnProperty(name = "spring.temporal.test-server.enabled", havingValue = "false")
class SearchAttributeRegistrar implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

  private final WorkflowServiceStubs service;
  private final String namespace;

  SearchAttributeRegistrar(
      WorkflowServiceStubs service, @Value("${spring.temporal.namespace:default}") String ns) {
    this.service = service;
    this.namespace = ns;
  }

  @Override
  public void afterPropertiesSet() {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      new SearchAttributeRegistration(
              operator.blockingStub(),
              service.blockingStub(),
              namespace,
              Duration.ofSeconds(60),
              Duration.ofMillis(250))
          .ensure(SessionSearchAttributes.ALL.stream().map(k -> k.getName()).toList());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Could not register the search attributes "
              + SessionSearchAttributes.ALL.stream().map(k -> k.getName()).toList()
              + " in Temporal namespace '"
              + namespace
              + "' ("
              + e.getMessage()
              + "). Register them as Keyword attributes (temporal operator search-attribute "
              + "create --name SessionStatus --type Keyword ...) and start again.",
          e);
    } finally {
      operator.shutdown();
    }
  }
}
