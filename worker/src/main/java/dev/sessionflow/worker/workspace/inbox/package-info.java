/** The inbox: the sessions an agent may see, in the order they need attention, kept live. */
package dev.sessionflow.worker.workspace.inbox;
