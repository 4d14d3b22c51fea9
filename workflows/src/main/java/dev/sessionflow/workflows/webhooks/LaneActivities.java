package dev.sessionflow.workflows.webhooks;

import io.temporal.activity.ActivityInterface;

/** The steps of a {@link ChannelLane}, against the store that holds the conversation. */
@ActivityInterface
public interface LaneActivities {

  /**
   * Posts the lane's next pending message (with its session's {@code session.started} first, when
   * it opened one and the hook wants it), and on a 2xx answer moves the lane's position past it. A
   * retry posts the same message again (same event ids) until it is answered.
   */
  LaneProgress deliverNext(LaneStart lane);

  /** Moves the lane's position past its next pending message, which was given up. */
  void skipNext(LaneStart lane);
}
