/**
 * The account's messaging settings: read, partial update under the row lock, and the broadcast of a
 * change to running sessions.
 */
package dev.sessionflow.worker.settings;
