package dev.sessionflow.activities.widget;

import java.time.Instant;

/** A widget key as listed: never its secret. {@code revokedAt} is null while it signs. */
public record WidgetKey(String kid, String createdBy, Instant createdAt, Instant revokedAt) {}
