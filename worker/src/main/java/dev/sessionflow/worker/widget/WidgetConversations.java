package dev.sessionflow.worker.widget;

import dev.sessionflow.activities.csat.SurveyStore;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.webhooks.SystemMessageKinds;
import dev.sessionflow.activities.widget.Visitor;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.ProblemType;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.conversations.ConversationService;
import dev.sessionflow.worker.conversations.EndUserMessageRequest;
import dev.sessionflow.worker.conversations.MessageAccepted;
import dev.sessionflow.worker.conversations.TranscriptMessage;
import dev.sessionflow.worker.sessions.EndSessionRequest;
import dev.sessionflow.worker.sessions.SessionService;
import dev.sessionflow.workflows.session.EndResult;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A visitor's one conversation: read, written and left through the same services as a messaging
 * channel's, as the widget's own channel. The visitor never names a conversation: it is the one its
 * token was issued for.
 */
@Service
class WidgetConversations {
  /** The widget speaks for its visitors as this channel, which owns their conversations. */
  static final Caller CHANNEL = Caller.channel("sessionflow-widget");

  /** The frame shows the latest messages; a longer history stays in the workspace. */
  static final int SHOWN = 200;

  private final ConversationService conversations;
  private final SessionService sessionService;
  private final SessionStore sessions;
  private final SurveyStore surveys;
  private final Clock clock;

  WidgetConversations(
      ConversationService conversations,
      SessionService sessionService,
      SessionStore sessions,
      SurveyStore surveys,
      Clock clock) {
    this.conversations = conversations;
    this.sessionService = sessionService;
    this.sessions = sessions;
    this.surveys = surveys;
    this.clock = clock;
  }

  WidgetView view(Visitor visitor) {
    // The latest messages only: a verified person's conversation grows across every session.
    List<TranscriptMessage> shown = conversations.latest(CHANNEL, visitor.conversationId(), SHOWN);
    if (shown.isEmpty()) {
      return new WidgetView(visitor.conversationId(), "NEW", null, List.of());
    }
    String sessionId = shown.getLast().sessionId();
    String status = sessions.find(sessionId).map(SessionRecord::status).orElse("ACTIVE");
    return new WidgetView(
        visitor.conversationId(), status, sessionId, shown.stream().map(this::message).toList());
  }

  private WidgetView.Message message(TranscriptMessage m) {
    WidgetView.Survey survey = null;
    if (m.surveyToken() != null) {
      survey =
          surveys
              .byToken(m.surveyToken())
              .map(
                  s ->
                      new WidgetView.Survey(
                          m.surveyToken(), s.scale(), s.status(clock.instant()).name(), s.rating()))
              .orElse(null);
    }
    return new WidgetView.Message(
        m.messageId(),
        m.author(),
        SystemMessageKinds.forEndUser(m.kind()),
        m.text(),
        m.at(),
        survey);
  }

  MessageAccepted write(Visitor visitor, WidgetMessageRequest body) {
    return conversations.endUserMessage(
        CHANNEL,
        visitor.conversationId(),
        new EndUserMessageRequest(
            "wv-" + body.messageId(),
            visitor.endUserId(),
            visitor.endUserName(),
            body.text(),
            body.locale(),
            null));
  }

  /** The end user leaves: the open session ends as {@code END_USER} (no survey by default). */
  EndResult end(Visitor visitor) {
    WidgetView now = view(visitor);
    if (now.sessionId() == null || "ENDED".equals(now.status())) {
      throw new ApiException(ProblemType.SESSION_ENDED, "There is no open chat to end");
    }
    return sessionService.end(now.sessionId(), CHANNEL, new EndSessionRequest(null, null, null));
  }
}
