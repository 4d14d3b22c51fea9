package dev.sessionflow.workflows.session;

/** Settings sent to running sessions when an admin changes them. */
public record SessionSettings(SessionTimers timers, SessionPolicy policy) {}
