package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.settings.MessagingSettings;

/** Published once settings are saved on this replica (other replicas read them on their own). */
public record SettingsSaved(MessagingSettings settings) {}
