package dev.sessionflow.bench;

import io.temporal.activity.ActivityInterface;

/** The baselines' side effects, which do nothing. */
@ActivityInterface
public interface BareActivities {
  void survey(String id);

  void settle(String id);

  void warn(String id);

  void close(String id);

  /** The no-op implementation. */
  class Noop implements BareActivities {
    @Override
    public void survey(String id) {}

    @Override
    public void settle(String id) {}

    @Override
    public void warn(String id) {}

    @Override
    public void close(String id) {}
  }
}
