package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.settings.SettingsChange;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.SessionflowApplication;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several replicas of the service on one Temporal server and one database (two and then three
 * Spring contexts in this JVM, a real dev server, a shared in-memory H2): a settings change reaches
 * every running session whichever replica took it, even when that replica stops at once, and a
 * change whose broadcast never started is sent by the next replica to start.
 */
class SettingsAcrossReplicasIT {
  private static DevServerProcess temporal;
  private static final String DATABASE = "replicas-" + UUID.randomUUID();
  private static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

  @BeforeAll
  static void temporal() throws IOException {
    temporal = new DevServerProcess(Files.createTempDirectory("sessionflow-replicas")).start();
  }

  @AfterAll
  static void stop() {
    replicas.forEach(ConfigurableApplicationContext::close);
    temporal.close();
  }

  @Test
  void aSettingsChangeReachesEverySessionWhicheverReplicaTookIt() {
    ConfigurableApplicationContext a = replica("a");
    ConfigurableApplicationContext b = replica("b");
    ApiClient viaA = api(a);
    ApiClient viaB = api(b);
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ApiClient api = i % 2 == 0 ? viaA : viaB;
      sessions.add(
          api.endUserSays("c-" + UUID.randomUUID(), "m-1", "Hello").get("sessionId").asText());
    }

    long saved =
        viaA.put("/api/v1/settings/messaging", ApiClient.ADMIN, "{\"inactiveAfter\":\"PT3M\"}")
            .expect(200)
            .json()
            .get("version")
            .asLong();
    a.close(); // the replica that took the change stops at once

    WorkflowClient temporalOfB = b.getBean(WorkflowClient.class);
    awaitEverySessionHolds(temporalOfB, sessions, saved);

    // A replica saved a change and stopped before its broadcast started (as a crash would). The
    // change brings a deadline sooner (a later one is pulled, never sent).
    long unsent =
        b.getBean(SettingsStore.class)
            .update(
                new SettingsChange(
                    null,
                    Duration.ofMinutes(2),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
            .version();
    assertThat(unsent).isEqualTo(saved + 1);
    replica("c"); // the next replica to start sends it
    awaitEverySessionHolds(temporalOfB, sessions, unsent);
  }

  private static void awaitEverySessionHolds(
      WorkflowClient client, List<String> sessions, long version) {
    ApiClient.await(
        Duration.ofSeconds(60),
        () ->
            sessions.stream()
                .allMatch(
                    id ->
                        client
                                .newWorkflowStub(
                                    MessagingSession.class, MessagingSession.workflowId(id))
                                .state()
                                .settingsVersion()
                            == version));
  }

  private static ConfigurableApplicationContext replica(String name) {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SessionflowApplication.class)
            .properties(
                "TEMPORAL_ADDRESS=" + temporal.address(),
                "spring.profiles.active=dev",
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:"
                    + DATABASE
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                    + "LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
                "spring.temporal.workers-auto-discovery.enabled=true",
                "sessionflow.replica=" + name)
            .run();
    replicas.add(context);
    return context;
  }

  private static ApiClient api(ConfigurableApplicationContext replica) {
    return new ApiClient(
        replica.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
  }
}
