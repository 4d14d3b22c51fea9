/**
 * The account's messaging settings: defaults, versioned changes, and the {@code SettingsActivities}
 * sessions read them with. It uses {@code webhooks} (the receivers kept with the settings) and
 * {@code support}.
 */
package dev.sessionflow.activities.settings;
