package dev.sessionflow.worker.conversations;

import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.activities.conversations.ConversationStore;
import dev.sessionflow.activities.conversations.EndUserMessage;
import dev.sessionflow.activities.conversations.MessageStore;
import dev.sessionflow.activities.conversations.StoredMessage;
import dev.sessionflow.activities.csat.SurveyLinks;
import dev.sessionflow.activities.csat.SurveyStore;
import dev.sessionflow.activities.settings.Locales;
import dev.sessionflow.worker.access.AccessChecks;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.Cursors;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.Role;
import dev.sessionflow.worker.sessions.SessionGateway;
import dev.sessionflow.worker.sessions.SessionIdentity;
import dev.sessionflow.workflows.session.ChatMessage;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** End-user messages and transcripts, for the API and the workspace alike. */
@Service
public class ConversationService {
  private final ConversationStore conversations;
  private final MessageStore messages;
  private final SessionGateway gateway;
  private final AccessChecks access;
  private final SurveyStore surveys;
  private final SurveyLinks links;

  public ConversationService(
      ConversationStore conversations,
      MessageStore messages,
      SessionGateway gateway,
      AccessChecks access,
      SurveyStore surveys,
      SurveyLinks links) {
    this.conversations = conversations;
    this.messages = messages;
    this.gateway = gateway;
    this.access = access;
    this.surveys = surveys;
    this.links = links;
  }

  private static String channelOf(EndUserMessageRequest body) {
    return body.channel() == null ? EndUserMessage.WEB : body.channel();
  }

  /** A well-formed tag in its canonical case; one that only looks like a tag is refused. */
  private static String locale(String tag) {
    String canonical = Locales.normalized(tag);
    if (tag != null && canonical == null) {
      throw ApiException.invalid("locale", "must be a BCP 47 language tag, such as pt-BR");
    }
    return canonical;
  }

  /**
   * Stores an end-user message that {@code channel} relays, then signals it to the conversation's
   * open session (opening a session and a ticket when none is open).
   */
  public MessageAccepted endUserMessage(
      Caller channel, String conversationId, EndUserMessageRequest body) {
    access.claimConversation(channel, conversationId);
    AcceptedMessage accepted =
        conversations.acceptEndUserMessage(
            new EndUserMessage(
                conversationId,
                body.messageId(),
                body.endUserId(),
                body.endUserName(),
                body.text(),
                channel.getName(),
                locale(body.locale()),
                body.channel()));
    long sequence = accepted.sequence();
    // A duplicate is delivered again too: the first delivery may have been cut short by a crash,
    // and the session drops a message id it has already seen.
    gateway.deliver(
        new SessionIdentity(
            accepted.sessionId(),
            accepted.conversationId(),
            accepted.ticketId(),
            accepted.endUserId(),
            accepted.endUserName(),
            // a new session's channel is this message's; an open one's is in the store
            accepted.newSession() ? channelOf(body) : null),
        (accepted.reopened()
                ? ChatMessage.reopeningFromEndUser(body.messageId())
                : ChatMessage.fromEndUser(body.messageId()))
            .stored(sequence, accepted.storedAt())
            .withSettingsVersion(accepted.settingsVersion()),
        accepted.newSession());
    return new MessageAccepted(
        accepted.sessionId(), accepted.ticketId(), accepted.newSession(), sequence);
  }

  /** The conversation's messages in order, across its sessions, as the caller may see them. */
  public List<TranscriptMessage> transcript(Caller caller, String conversationId) {
    Set<String> visible = access.readConversation(caller, conversationId);
    return views(
        caller,
        messages
            .transcript(conversationId)
            .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId))
            .stream()
            .filter(m -> visible == null || visible.contains(m.sessionId()))
            .toList());
  }

  /**
   * A channel's read of the latest {@code limit} messages, oldest first: none yet for a
   * conversation no one wrote to.
   */
  public List<TranscriptMessage> latest(Caller channel, String conversationId, int limit) {
    if (channel.role() != Role.CHANNEL) {
      throw new IllegalArgumentException("the latest messages are a channel's read");
    }
    access.readConversation(channel, conversationId); // another channel's: 404
    return views(channel, messages.latest(conversationId, limit));
  }

  /** A page of the transcript after the cursor {@code after} (null: from the start). */
  public TranscriptPage page(Caller caller, String conversationId, String after, int limit) {
    Set<String> visible = access.readConversation(caller, conversationId);
    Cursors.checkLimit(limit);
    long afterSeq = after == null ? 0 : Cursors.transcriptPosition(after);
    List<StoredMessage> page =
        messages
            .transcript(conversationId, afterSeq, limit, visible)
            .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId));
    String next = page.size() < limit ? null : Cursors.transcript(page.getLast().seq());
    return new TranscriptPage(views(caller, page), next);
  }

  private List<TranscriptMessage> views(Caller caller, List<StoredMessage> messages) {
    // The survey link is the end user's: only the channel, which relays it, sees it. The store
    // keeps the survey's id; its token is derived again here (see SurveyTokens).
    boolean channel = caller.role() == Role.CHANNEL;
    return messages.stream()
        .map(
            m -> {
              String token =
                  channel && m.surveyId() != null
                      ? surveys.linkToken(m.surveyId()).orElse(null)
                      : null;
              return new TranscriptMessage(
                  m.messageId(),
                  m.sessionId(),
                  m.author(),
                  m.agentId(),
                  m.kind(),
                  m.text(),
                  token,
                  token == null ? null : links.surveyUrl(token),
                  m.at());
            })
        .toList();
  }
}
