/**
 * The account's messaging settings: defaults, versioned changes, business hours, the texts in the
 * end users' languages ({@code LocalTexts}), and the {@code SettingsActivities} sessions read them
 * with. It uses {@code webhooks} (the receivers kept with the settings), {@code csat} (it is its
 * {@link dev.sessionflow.activities.csat.QuestionTranslations}) and {@code support}.
 */
package dev.sessionflow.activities.settings;
