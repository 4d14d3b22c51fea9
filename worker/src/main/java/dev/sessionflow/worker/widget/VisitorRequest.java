package dev.sessionflow.worker.widget;

import jakarta.validation.constraints.Size;

/**
 * Starts a visitor. Without {@code jwt} the visitor is anonymous, in a new conversation; with one
 * (signed by the customer's backend) it is that person, in their one conversation.
 */
public record VisitorRequest(@Size(min = 1, max = VisitorJwts.MAX_TOKEN) String jwt) {}
