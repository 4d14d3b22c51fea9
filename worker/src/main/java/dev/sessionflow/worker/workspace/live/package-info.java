/**
 * Live fragments over Server-Sent Events: one shared poll re-renders each view (a caller's page)
 * once a second from the services and pushes what changed to every stream that watches it.
 */
package dev.sessionflow.worker.workspace.live;
