package dev.sessionflow.workflows.session;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/** The Keyword search attributes ops use to find sessions; registered on the server at start. */
public final class SessionSearchAttributes {
  public static final SearchAttributeKey<String> SESSION_STATUS =
      SearchAttributeKey.forKeyword("SessionStatus");
  public static final SearchAttributeKey<String> TICKET_ID =
      SearchAttributeKey.forKeyword("TicketId");
  public static final SearchAttributeKey<String> CONVERSATION_ID =
      SearchAttributeKey.forKeyword("ConversationId");
  public static final SearchAttributeKey<String> AGENT_ID =
      SearchAttributeKey.forKeyword("AgentId");
  public static final SearchAttributeKey<String> ENDED_BY =
      SearchAttributeKey.forKeyword("EndedBy");
  public static final SearchAttributeKey<String> END_REASON =
      SearchAttributeKey.forKeyword("EndReason");

  /** The macro or trigger that ended the session: {@code macro:<id>} or {@code trigger:<id>}. */
  public static final SearchAttributeKey<String> ENDED_VIA =
      SearchAttributeKey.forKeyword("EndedVia");

  public static final List<SearchAttributeKey<String>> ALL =
      List.of(
          SESSION_STATUS, TICKET_ID, CONVERSATION_ID, AGENT_ID, ENDED_BY, END_REASON, ENDED_VIA);

  private SessionSearchAttributes() {}
}
