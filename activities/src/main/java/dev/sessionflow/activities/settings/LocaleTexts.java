package dev.sessionflow.activities.settings;

/**
 * The texts sent to end users in one language; a text left null falls back to the broader
 * language's ({@code pt-BR} to {@code pt}), then to the default text.
 *
 * @param warningText the inactivity warning
 * @param endedText the notice that the session ended
 * @param csatQuestion the survey's question
 * @param outOfHoursText the answer to a message while the team is closed
 */
public record LocaleTexts(
    String warningText, String endedText, String csatQuestion, String outOfHoursText) {}
