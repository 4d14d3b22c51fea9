package dev.sessionflow.worker.tickets;

import io.swagger.v3.oas.annotations.media.Schema;

/** An agent's direct change to a ticket: its group, its status, or both. */
@Schema(minProperties = 1)
public record TicketPatch(String group, String status) {}
