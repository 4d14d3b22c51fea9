package dev.sessionflow.activities.settings;

/** What the inactivity timers count: every minute, or only minutes inside the business hours. */
public enum TimersCount {
  CALENDAR,
  BUSINESS_HOURS
}
