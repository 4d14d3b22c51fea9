/**
 * The settings broadcast: a saved settings version sent to every running session durably, through
 * Temporal, whichever service replica took the change and whichever runs the broadcast.
 */
package dev.sessionflow.workflows.settings;
