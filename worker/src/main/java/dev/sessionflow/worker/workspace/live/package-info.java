/** Live fragments over Server-Sent Events, re-rendered from the services by each stream. */
package dev.sessionflow.worker.workspace.live;
