/**
 * The reconciler: a Temporal Schedule runs {@link
 * dev.sessionflow.workflows.reconciler.SessionReconciler} every minute, which asks each session the
 * store holds ENDED but unsettled to finish (a crash lost the workflow task and the Update of its
 * end).
 */
package dev.sessionflow.workflows.reconciler;
