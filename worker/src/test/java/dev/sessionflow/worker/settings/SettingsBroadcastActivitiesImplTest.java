package dev.sessionflow.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.worker.sessions.SessionGateway;
import dev.sessionflow.workflows.settings.SettingsBroadcastActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The walk over open sessions, with the store and Temporal's client replaced by mocks. */
class SettingsBroadcastActivitiesImplTest {
  static final int PAGE = SettingsBroadcastActivitiesImpl.PAGE;

  SettingsStore settings = mock(SettingsStore.class);
  SessionStore sessions = mock(SessionStore.class);
  SessionGateway gateway = mock(SessionGateway.class);
  TestActivityEnvironment env;
  SettingsBroadcastActivities walk;

  @BeforeEach
  void setUp() {
    MessagingSettings v2 = mock(MessagingSettings.class);
    when(v2.version()).thenReturn(2L);
    when(settings.current()).thenReturn(v2);
    // Two pages of open sessions.
    when(sessions.openSessionIds("", PAGE)).thenReturn(ids(0));
    when(sessions.openSessionIds(ids(0).getLast(), PAGE)).thenReturn(ids(PAGE));
    when(sessions.openSessionIds(ids(PAGE).getLast(), PAGE)).thenReturn(List.of());
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new SettingsBroadcastActivitiesImpl(settings, sessions, gateway, 1_000_000));
    walk =
        env.newActivityStub(
            SettingsBroadcastActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private static List<String> ids(int from) {
    return IntStream.range(from, from + PAGE).mapToObj(i -> "s-%05d".formatted(i)).toList();
  }

  @Test
  void aWalkReachesEveryOpenSession() {
    when(settings.pushedVersion()).thenReturn(2L);

    assertThat(walk.sendToRunningSessions(2)).isEqualTo(2 * PAGE);
    verify(gateway, times(2 * PAGE)).changeSettings(anyString(), any());
  }

  @Test
  void aWalkStopsOnceANewerVersionIsPushed() {
    // Version 3, pushed, is saved while the first page is being signalled: its own walk takes over.
    when(settings.pushedVersion()).thenReturn(2L, 3L);

    assertThat(walk.sendToRunningSessions(2)).isEqualTo(PAGE);
    verify(gateway, times(PAGE)).changeSettings(anyString(), any());
    verify(gateway, times(0)).changeSettings(eq(ids(PAGE).getFirst()), any());
  }

  @Test
  void aWalkGoesOnThroughANewerPulledVersionAndSendsIt() {
    // Version 3 only changed a text (pulled): the walk of version 2 goes on, with version 3.
    MessagingSettings v3 = mock(MessagingSettings.class);
    when(v3.version()).thenReturn(3L);
    MessagingSettings v2 = settings.current();
    when(settings.current()).thenReturn(v2, v3);
    when(settings.pushedVersion()).thenReturn(2L);

    assertThat(walk.sendToRunningSessions(2)).isEqualTo(2 * PAGE);
    verify(gateway, times(2 * PAGE)).changeSettings(anyString(), any());
    verify(v3, times(1)).forSessions();
  }

  @Test
  void aWalkOfAVersionAlreadySupersededSendsNothing() {
    when(settings.pushedVersion()).thenReturn(4L);

    assertThat(walk.sendToRunningSessions(2)).isZero();
    verify(gateway, times(0)).changeSettings(anyString(), any());
  }

  @Test
  void aWalkSendsFewerAtOnceWhenTheServerSlowsUnderIt() {
    when(settings.pushedVersion()).thenReturn(2L);
    // A server whose round trip grows with the walk's own signals in flight.
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    doAnswer(
            call -> {
              int now = inFlight.incrementAndGet();
              most.accumulateAndGet(now, Math::max);
              try {
                Thread.sleep(2L * now);
              } finally {
                inFlight.decrementAndGet();
              }
              return null;
            })
        .when(gateway)
        .changeSettings(anyString(), any());

    assertThat(walk.sendToRunningSessions(2)).isEqualTo(2 * PAGE);
    assertThat(most.get()).isLessThanOrEqualTo(4);
  }
}
