package dev.sessionflow.workflows.session;

/**
 * The settings a channel's sessions run with where the channel overrides some (WhatsApp with a day
 * of inactivity, web chat with half an hour): the account's settings with the channel's overrides
 * applied, worked out by the store, so a session only picks its channel's.
 */
public record ChannelSettings(SessionTimers timers, SessionPolicy policy) {}
