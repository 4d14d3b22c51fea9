package dev.sessionflow.activities.conversations;

/**
 * Told of each message once the transaction that stored it has committed (a repeat of a message
 * already stored is told too: its first telling may have been cut short by a crash). The worker
 * wakes the conversation's webhook lanes with it.
 */
public interface MessagesCommitted {
  void committed(String conversationId, long seq);
}
