package dev.sessionflow.worker.channelevents;

import dev.sessionflow.activities.webhooks.ChannelLanes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reconciler's repair of a lost wake: a crash between a message's commit and its lanes' wake,
 * or Temporal unreachable then. Each pass wakes the lanes behind the store on messages stored from
 * {@link #LOOKS_BACK} to the grace period ago; a lane that is running (a receiver still refusing)
 * takes the wake as a repeat, and a message leaves the window after a few passes.
 */
@Component
public class LanesLeftBehind {
  static final String WOKEN_METRIC = "sessionflow_reconciler_lanes_woken";

  /** How far back a pass looks: a few passes' worth of the grace period. */
  static final Duration LOOKS_BACK = Duration.ofMinutes(10);

  static final int PER_HOOK = 200;

  private static final Logger log = LoggerFactory.getLogger(LanesLeftBehind.class);

  private final ChannelLanes lanes;
  private final ChannelLaneWakes wakes;
  private final Clock clock;
  private final Duration grace;
  private final Counter woken;

  LanesLeftBehind(
      ChannelLanes lanes,
      ChannelLaneWakes wakes,
      Clock clock,
      MeterRegistry meters,
      @Value("${sessionflow.reconciler.message-grace:20s}") Duration grace) {
    this.lanes = lanes;
    this.wakes = wakes;
    this.clock = clock;
    this.grace = grace;
    this.woken = meters.counter(WOKEN_METRIC);
  }

  /** Wakes each lane left behind; answers how many. */
  public int wake() {
    Instant now = clock.instant();
    int count = 0;
    for (String hookId : wakes.laneHooks()) {
      for (ChannelLanes.Behind lane :
          lanes.behind(hookId, now.minus(LOOKS_BACK), now.minus(grace), PER_HOOK)) {
        wakes.wake(hookId, lane.conversationId(), lane.seq());
        count++;
        woken.increment();
        log.info(
            "the lane of conversation {} to webhook {} was behind the store: woke it",
            lane.conversationId(),
            hookId);
      }
    }
    return count;
  }
}
