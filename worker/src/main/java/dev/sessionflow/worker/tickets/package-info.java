/** Tickets: reads, and an agent's change of group or status run as an automation. */
package dev.sessionflow.worker.tickets;
