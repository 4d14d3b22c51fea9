/**
 * A settings change tried on the last days' sessions before it is saved: what it would have done to
 * auto-closes and surveys, replayed from the stored message times by the sessions' own rules.
 */
package dev.sessionflow.worker.settings.preview;
