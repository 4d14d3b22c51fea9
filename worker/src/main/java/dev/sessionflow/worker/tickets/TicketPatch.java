package dev.sessionflow.worker.tickets;

/** An agent's direct change to a ticket: its group, its status, or both. */
public record TicketPatch(String group, String status) {}
