package dev.sessionflow.workflows.reconciler;

/**
 * What one pass found and did.
 *
 * @param unsettled sessions the store holds ENDED but unsettled for longer than the grace period
 * @param asked those asked to finish (the ones ended within the last day)
 * @param stranded those whose workflow could not take the end (finished or gone): ops must look
 * @param started sessions whose start a crash cut short, started now
 */
public record Reconciled(int unsettled, int asked, int stranded, int started) {

  /** This pass's ends, with the starts it made. */
  public Reconciled withStarted(int count) {
    return new Reconciled(unsettled, asked, stranded, count);
  }
}
