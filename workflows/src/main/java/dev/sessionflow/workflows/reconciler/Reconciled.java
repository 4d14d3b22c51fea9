package dev.sessionflow.workflows.reconciler;

/**
 * What one pass found and did.
 *
 * @param unsettled sessions the store holds ENDED but unsettled for longer than the grace period
 * @param asked those asked to finish (the ones ended within the last day)
 * @param stranded those whose workflow could not take the end (finished or gone): ops must look
 * @param started sessions whose start a crash cut short, started now
 * @param redelivered messages whose signal a crash may have lost, signalled again
 * @param lanesWoken channel lanes left behind the store, woken
 */
public record Reconciled(
    int unsettled, int asked, int stranded, int started, int redelivered, int lanesWoken) {

  public Reconciled(int unsettled, int asked, int stranded, int started) {
    this(unsettled, asked, stranded, started, 0, 0);
  }

  /** This pass's ends, with the starts it made. */
  public Reconciled withStarted(int count) {
    return new Reconciled(unsettled, asked, stranded, count, redelivered, lanesWoken);
  }

  /** This pass's ends and starts, with the messages it signalled again. */
  public Reconciled withRedelivered(int count) {
    return new Reconciled(unsettled, asked, stranded, started, count, lanesWoken);
  }

  /** This pass's ends, starts and messages, with the lanes it woke. */
  public Reconciled withLanesWoken(int count) {
    return new Reconciled(unsettled, asked, stranded, started, redelivered, count);
  }
}
