package dev.sessionflow.activities.widget;

/** A key just made: the only time its secret is shown. */
public record NewWidgetKey(String kid, String secret) {}
