package dev.sessionflow.worker.config;

import dev.sessionflow.workflows.session.SessionSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On a real Temporal server, registers the session's search attributes if they are missing, before
 * any session starts; fails start-up with a clear message when it cannot (Temporal Cloud: create
 * them in the namespace's settings, the service account cannot).
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
      Map<String, IndexedValueType> existing =
          operator
              .blockingStub()
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
              .getCustomAttributesMap();
      Map<String, IndexedValueType> missing = new LinkedHashMap<>();
      SessionSearchAttributes.ALL.stream()
          .filter(key -> !existing.containsKey(key.getName()))
          .forEach(key -> missing.put(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
      if (missing.isEmpty()) {
        return;
      }
      operator
          .blockingStub()
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace(namespace)
                  .putAllSearchAttributes(missing)
                  .build());
      log.info("Registered search attributes {} in namespace {}", missing.keySet(), namespace);
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
