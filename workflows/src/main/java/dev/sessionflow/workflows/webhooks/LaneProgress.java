package dev.sessionflow.workflows.webhooks;

/**
 * What one step of a lane did.
 *
 * @param delivered the sequence of the message delivered, null when nothing was pending
 * @param more whether the store holds more past it
 */
public record LaneProgress(Long delivered, boolean more) {}
