package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scale-out on a real Temporal cluster: two nodes on PostgreSQL behind a load balancer, two service
 * replicas on one PostgreSQL ticket store, sessions in flight while replicas and nodes fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutClusterIT {
  private static final Logger log = LoggerFactory.getLogger(ScaleOutClusterIT.class);

  private Path dir;
  private String database;
  private TemporalClusterProcess cluster;
  private FrontendBalancer balancer;
  private final ServiceProcess[] replicas = new ServiceProcess[2];
  private ReplicaClient api;

  @BeforeAll
  void startCluster() throws IOException {
    dir = Files.createTempDirectory("sessionflow-cluster-it");
    database = "sfit_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    cluster = new TemporalClusterProcess(dir, database).start();
    balancer = new FrontendBalancer(cluster.frontends());
    sql("create database " + database + "_tickets");
    for (int i = 0; i < replicas.length; i++) {
      Path replicaDir = Files.createDirectories(dir.resolve("replica-" + (i + 1)));
      replicas[i] = new ServiceProcess(replicaEnv(), replicaDir).start();
    }
    api = new ReplicaClient(replicas);
    api.call(
            0,
            c ->
                c.put(
                    "/api/v1/settings/messaging",
                    ApiClient.ADMIN,
                    "{\"inactiveAfter\":\"PT20S\",\"autoCloseAfter\":\"PT"
                        + SessionLoad.AUTO_CLOSE.toSeconds()
                        + "S\",\"warnBeforeClose\":\"PT15S\"}"))
        .expect(200);
  }

  private Map<String, String> replicaEnv() {
    return Map.of(
        "TEMPORAL_ADDRESS",
        balancer.address(),
        // dev: the README's development tokens, which the test calls with
        "SPRING_PROFILES_ACTIVE",
        "dev,postgres",
        "SPRING_DATASOURCE_URL",
        "jdbc:postgresql://127.0.0.1:5432/" + database + "_tickets",
        "SPRING_DATASOURCE_USERNAME",
        database,
        "SPRING_DATASOURCE_PASSWORD",
        database);
  }

  @AfterAll
  void stopCluster() {
    for (ServiceProcess replica : replicas) {
      if (replica != null) {
        replica.close();
      }
    }
    if (balancer != null) {
      balancer.close();
    }
    if (cluster != null) {
      logStoreSizes();
      sql("drop database if exists " + database + "_tickets with (force)");
      cluster.close();
    }
  }

  @Test
  void aReplicaAndANodeDieUnderLoadAndNothingIsLostOrDoubled() {
    long started = System.nanoTime();
    Duration[] cpuBefore = {replicas[0].cpu(), replicas[1].cpu()};
    SessionLoad load = new SessionLoad("kill", 200, api);
    load.openAll();
    Instant firstDue = load.firstAutoCloseDue();
    Thread ends = load.endInBackground(firstDue.plusSeconds(20));

    sleepUntil(firstDue.minusSeconds(8));
    log.info("SIGKILL replica 1");
    Duration cpuOfKilled = replicas[0].cpu().minus(cpuBefore[0]);
    replicas[0].kill();
    Ports.sleep(3_000);
    log.info("SIGKILL Temporal node 2");
    cluster.killNode(2);
    Instant nodeDown = Instant.now();
    // Down until every auto-close has fallen due, and at least as long as a shard takeover.
    Instant lastDue = load.lastAutoCloseDue();
    sleepUntil(
        lastDue.isAfter(nodeDown.plusSeconds(20))
            ? lastDue.plusSeconds(3)
            : nodeDown.plusSeconds(20));
    cluster.startNode(2);
    Instant nodeUp = Instant.now();
    replicas[0].start();
    Duration cpuAtRestart = replicas[0].cpu();
    log.info(
        "node 2 back after {} s, replica 1 restarted",
        Duration.between(nodeDown, nodeUp).toSeconds());
    join(ends);

    SessionLoad.Outcome outcome = load.verify(nodeDown, nodeUp);
    Duration cpu =
        cpuOfKilled
            .plus(replicas[0].cpu().minus(cpuAtRestart))
            .plus(replicas[1].cpu().minus(cpuBefore[1]));
    log.info(
        "replica CPU for {} sessions of 4 messages and an end, with the verification reads: {} s,"
            + " {} ms per session",
        load.size(),
        cpu.toSeconds(),
        cpu.toMillis() / load.size());
    assertThat(outcome.dueDuringOutage())
        .as("auto-closes that fell due during the outage")
        .isPositive();
    log.info(
        "real-cluster faults: {} sessions, faults injected 2 (SIGKILL replica, SIGKILL node) + 2"
            + " restarts, {} requests answered 2xx, losses 0, duplicates 0, {} auto-closes due"
            + " during the outage all fired (max lateness {} s), {} s",
        load.size(),
        load.accepted(),
        outcome.dueDuringOutage(),
        outcome.maxLateness().toSeconds(),
        (System.nanoTime() - started) / 1_000_000_000);
  }

  @Test
  void aRollingRestartOfTheReplicasUnderLoadLosesNothing() {
    long started = System.nanoTime();
    SessionLoad load = new SessionLoad("roll", 100, api);
    load.openAll();
    Thread ends = load.endInBackground(load.firstAutoCloseDue().plusSeconds(10));
    for (ServiceProcess replica : replicas) {
      log.info("rolling restart: stopping a replica (SIGTERM)");
      replica.close();
      replica.start();
    }
    join(ends);
    SessionLoad.Outcome outcome = load.verify(Instant.MIN, Instant.MIN);
    log.info(
        "real-cluster rolling restart: {} sessions, 2 replica restarts, {} requests answered 2xx,"
            + " losses 0, duplicates 0, max auto-close lateness {} s, {} s",
        load.size(),
        load.accepted(),
        outcome.maxLateness().toSeconds(),
        (System.nanoTime() - started) / 1_000_000_000);
  }

  @Test
  void theReconcilersScheduleRunsOnTheCluster() {
    // Created once by whichever replica started first; the cluster's worker service runs it.
    ScheduleDescription schedule =
        ReconcilerSchedules.await(
            WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(balancer.address()).build()),
            Duration.ofMinutes(3),
            d -> d.getInfo().getNumActions() >= 1);
    log.info(
        "reconciler schedule on the cluster: {} passes started",
        schedule.getInfo().getNumActions());
  }

  /** Bytes in the ticket store and in Temporal's persistence, for the capacity model. */
  private void logStoreSizes() {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", database, database);
        Statement s = c.createStatement();
        var sizes =
            s.executeQuery(
                "select datname, pg_database_size(datname) from pg_database"
                    + " where datname like '"
                    + database
                    + "%' or datname = 'template1' order by 1")) {
      while (sizes.next()) {
        log.info("database {}: {} bytes after 300 sessions", sizes.getString(1), sizes.getLong(2));
      }
    } catch (SQLException e) {
      log.warn("cannot read database sizes", e);
    }
  }

  private void sql(String statement) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", database, database);
        Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(statement, e);
    }
  }

  private static void sleepUntil(Instant moment) {
    long millis = Duration.between(Instant.now(), moment).toMillis();
    if (millis > 0) {
      Ports.sleep(millis);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(Duration.ofMinutes(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertThat(thread.isAlive()).as("the load finished").isFalse();
  }

  /** Calls the replicas, going to the other one while one is down, as a load balancer would. */
  static final class ReplicaClient {
    private final ApiClient[] replicas;

    ReplicaClient(ServiceProcess[] replicas) {
      this.replicas = new ApiClient[replicas.length];
      for (int i = 0; i < replicas.length; i++) {
        this.replicas[i] = new ApiClient(replicas[i].port());
      }
    }

    ApiClient.Response call(int preferred, Function<ApiClient, ApiClient.Response> call) {
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      for (int attempt = 0; ; attempt++) {
        try {
          ApiClient.Response response =
              call.apply(replicas[(preferred + attempt) % replicas.length]);
          if (response.status() != 503 && response.status() != 502) {
            return response;
          }
        } catch (UncheckedIOException downOrReset) {
          // that replica is down or was killed mid-request: try the other one
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no replica answered within 180 s");
        }
        Ports.sleep(attempt % replicas.length == 0 ? 100 : 250);
      }
    }
  }
}
