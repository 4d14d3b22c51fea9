package dev.sessionflow.workflows.session;

/**
 * How a ticket is settled when its session ends.
 *
 * @param status SOLVED, PENDING or OPEN
 * @param group the group to move the ticket to; null keeps its group
 */
public record SettlementRule(String status, String group) {}
