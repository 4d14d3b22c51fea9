package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.hours.Schedules;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Records a session whose timers count business hours (its auto-close waits for the next opening)
 * and a WhatsApp session that takes its channel's part of a settings change: the inputs that carry
 * the zone's offsets and the channels' settings, so that a later change to how a session reads them
 * is replayed against what it read before.
 */
final class PolicyDepthHistories {
  static final String BUSINESS_HOURS = "business-hours";
  static final String CHANNEL_SETTINGS = "channel-settings";

  private PolicyDepthHistories() {}

  static void record(TestWorkflowEnvironment env, WorkflowClient client, Path dir)
      throws IOException {
    if (!Files.exists(dir.resolve(BUSINESS_HOURS + ".json"))) {
      SessionTimers timers =
          new SessionTimers(
              Duration.ofMinutes(20),
              Duration.ofMinutes(30),
              Duration.ofMinutes(10),
              "Still there?",
              "Ended.",
              Schedules.nineToFive("Europe/Lisbon", "2026-12-25"));
      MessagingSession session =
          SessionTestEnvironment.open(client, BUSINESS_HOURS, timers, SessionPolicy.defaults());
      session.message(ChatMessage.fromEndUser("m1"));
      session.message(ChatMessage.fromAgent("m2", "agent-1"));
      WorkflowStub.fromTyped(session).getResult(SessionOutcome.class);
      write(client, dir, BUSINESS_HOURS);
    }
    if (!Files.exists(dir.resolve(CHANNEL_SETTINGS + ".json"))) {
      SessionTimers day =
          new SessionTimers(Duration.ofHours(1), Duration.ofHours(24), null, "", "Bye");
      SessionTimers hour =
          new SessionTimers(Duration.ofMinutes(10), Duration.ofHours(1), null, "", "Bye");
      SessionStart start =
          new SessionStart(
                  CHANNEL_SETTINGS,
                  "conv-" + CHANNEL_SETTINGS,
                  "T-" + CHANNEL_SETTINGS,
                  "u-1",
                  "Ana",
                  day,
                  SessionPolicy.defaults(),
                  null,
                  1)
              .inChannel("whatsapp");
      MessagingSession session =
          client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
      WorkflowClient.start(session::run, start);
      session.message(ChatMessage.fromAgent("m1", "agent-1"));
      env.sleep(Duration.ofMinutes(5));
      session.settingsChanged(
          new SessionSettings(
              MessagingSessionTest.TIMERS,
              SessionPolicy.defaults(),
              2,
              Map.of("whatsapp", new ChannelSettings(hour, SessionPolicy.defaults()))));
      WorkflowStub.fromTyped(session).getResult(SessionOutcome.class);
      write(client, dir, CHANNEL_SETTINGS);
    }
  }

  private static void write(WorkflowClient client, Path dir, String name) throws IOException {
    Files.writeString(
        dir.resolve(name + ".json"),
        client.fetchHistory(MessagingSession.workflowId(name)).toJson(true));
  }
}
