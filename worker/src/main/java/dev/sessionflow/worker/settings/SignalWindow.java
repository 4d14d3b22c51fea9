package dev.sessionflow.worker.settings;

/**
 * How many of a settings walk's signals may be in flight, set by the round trips they meet, as TCP
 * sets its congestion window: one more per window of quick round trips, half as many once they slow
 * down. A signal costs the server what an end user's message costs it, so a walk that keeps its own
 * round trips near the quickest it has seen leaves the server room for messages, on a server of any
 * size, and takes the spare capacity a larger one has.
 */
final class SignalWindow {
  /** Round trips this much slower than the quickest one mean the server is filling up. */
  static final double SLOWER = 2;

  /** The weight of the latest round trip in the smoothed one. */
  private static final double WEIGHT = 0.3;

  private final int limit;
  private double size = 1;
  private int inFlight;
  private double smoothed = -1;
  private long quickest = Long.MAX_VALUE;

  /** Round trips since the last halving (never halved: all of them). */
  private long sinceHalved;

  SignalWindow(int limit) {
    this.limit = limit;
  }

  /** Waits until one more signal fits in the window. */
  synchronized void take() {
    boolean interrupted = false;
    while (inFlight >= size()) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true; // the walk's signals in flight still finish and free their places
      }
    }
    inFlight++;
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** A signal came back after {@code roundTripNanos}: widens or halves the window. */
  synchronized void done(long roundTripNanos) {
    inFlight--;
    smoothed = smoothed < 0 ? roundTripNanos : smoothed + WEIGHT * (roundTripNanos - smoothed);
    // The quickest single round trip is the server's own cost, free of queueing (a smoothed one
    // would settle at a loaded server's cost when the first round trips were slow).
    quickest = Math.min(quickest, roundTripNanos);
    sinceHalved++;
    if (smoothed <= SLOWER * quickest) {
      size = Math.min(limit, size + 1 / size);
    } else if (sinceHalved >= size()) {
      // Once per window: the round trips already in flight were sent before the cut.
      size = Math.max(1, size / 2);
      sinceHalved = 0;
    }
    notifyAll();
  }

  /** A signal that failed frees its place and says nothing of the server's load. */
  synchronized void failed() {
    inFlight--;
    notifyAll();
  }

  synchronized int size() {
    return (int) size;
  }
}
