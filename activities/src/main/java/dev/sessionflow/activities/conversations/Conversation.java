package dev.sessionflow.activities.conversations;

/**
 * A conversation's row as its lock read it.
 *
 * @param openTicketId the open session's ticket, null when there is none or it was not read
 * @param settingsVersion the current settings version, 0 before the settings were first stored
 */
record Conversation(
    String conversationId,
    String endUserId,
    String endUserName,
    String openSessionId,
    String openTicketId,
    long settingsVersion) {}
