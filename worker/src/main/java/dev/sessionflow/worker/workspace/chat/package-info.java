/** The end user's side in development mode: write, read replies and notices, rate. */
package dev.sessionflow.worker.workspace.chat;
