package dev.sessionflow.workflows.hours;

/**
 * From {@code fromEpochSecond} on, local time is UTC plus {@code offsetSeconds}: one entry of a
 * time zone's rules, written out so that workflow code needs no time-zone database.
 */
public record ZoneShift(long fromEpochSecond, int offsetSeconds) {}
