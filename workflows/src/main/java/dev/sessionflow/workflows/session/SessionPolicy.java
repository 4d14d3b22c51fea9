package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.webhooks.WebhookSubscription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happens after a session ends: whether its end user is surveyed, how its ticket is settled,
 * who hears about it. Fields added later default when an older history leaves them out.
 *
 * @param csatWhenEndedBy who ending the session sends a survey (when the request does not say)
 * @param csatExpiresAfter how long a survey can be answered
 * @param settleStatus the ticket status when no settlement rule matches
 * @param csatRequiresAgentReply no survey unless an agent replied at least once
 * @param csatMinEndUserMessages no survey unless the end user wrote at least this many messages
 * @param csatQuestion what the survey invitation asks
 * @param csatScale ratings run from 1 to this (5 by default)
 * @param settleRules by end reason (e.g. INACTIVITY), then by who ended it (e.g. END_USER)
 * @param webhooks the webhooks to tell, and which events each wants
 * @param reopenWithin a message this soon after the end reopens the same session and ticket
 *     (withdrawing its unanswered survey); null: a new session and ticket, always
 */
public record SessionPolicy(
    Set<EndedBy> csatWhenEndedBy,
    Duration csatExpiresAfter,
    String settleStatus,
    boolean csatRequiresAgentReply,
    int csatMinEndUserMessages,
    String csatQuestion,
    int csatScale,
    Map<String, SettlementRule> settleRules,
    List<WebhookSubscription> webhooks,
    Duration reopenWithin) {
  public static final String DEFAULT_QUESTION = "How did we do?";

  /** The end reason of an auto-close: the clock ended the session after the agent wrote last. */
  public static final String INACTIVITY = "INACTIVITY";

  /** The end reason of an escalation: the ticket moves on, so the session ends without a survey. */
  public static final String ESCALATED = "ESCALATED";

  public SessionPolicy {
    csatWhenEndedBy = csatWhenEndedBy == null ? Set.of() : Set.copyOf(csatWhenEndedBy);
    csatExpiresAfter = csatExpiresAfter == null ? Duration.ofDays(14) : csatExpiresAfter;
    settleStatus = settleStatus == null ? "SOLVED" : settleStatus;
    csatQuestion = csatQuestion == null ? DEFAULT_QUESTION : csatQuestion;
    csatScale = csatScale == 0 ? 5 : csatScale;
    settleRules = settleRules == null ? Map.of() : Map.copyOf(settleRules);
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
  }

  public static SessionPolicy defaults() {
    return new SessionPolicy(
        Set.of(EndedBy.AGENT, EndedBy.ADMIN),
        Duration.ofDays(14),
        "SOLVED",
        false,
        0,
        DEFAULT_QUESTION,
        5,
        Map.of(),
        List.of(),
        null);
  }

  public SessionPolicy withReopenWithin(Duration window) {
    return toBuilder().reopenWithin(window).build();
  }

  /** A builder holding this policy: change what differs, by name, and {@link Builder#build}. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a policy by field name, so no caller repeats the ten positional components. */
  public static final class Builder {
    private Set<EndedBy> csatWhenEndedBy;
    private Duration csatExpiresAfter;
    private String settleStatus;
    private boolean csatRequiresAgentReply;
    private int csatMinEndUserMessages;
    private String csatQuestion;
    private int csatScale;
    private Map<String, SettlementRule> settleRules;
    private List<WebhookSubscription> webhooks;
    private Duration reopenWithin;

    private Builder(SessionPolicy p) {
      csatWhenEndedBy = p.csatWhenEndedBy;
      csatExpiresAfter = p.csatExpiresAfter;
      settleStatus = p.settleStatus;
      csatRequiresAgentReply = p.csatRequiresAgentReply;
      csatMinEndUserMessages = p.csatMinEndUserMessages;
      csatQuestion = p.csatQuestion;
      csatScale = p.csatScale;
      settleRules = p.settleRules;
      webhooks = p.webhooks;
      reopenWithin = p.reopenWithin;
    }

    public Builder csatWhenEndedBy(Set<EndedBy> value) {
      csatWhenEndedBy = value;
      return this;
    }

    public Builder csatExpiresAfter(Duration value) {
      csatExpiresAfter = value;
      return this;
    }

    public Builder settleStatus(String value) {
      settleStatus = value;
      return this;
    }

    public Builder csatRequiresAgentReply(boolean value) {
      csatRequiresAgentReply = value;
      return this;
    }

    public Builder csatMinEndUserMessages(int value) {
      csatMinEndUserMessages = value;
      return this;
    }

    public Builder csatQuestion(String value) {
      csatQuestion = value;
      return this;
    }

    public Builder csatScale(int value) {
      csatScale = value;
      return this;
    }

    public Builder settleRules(Map<String, SettlementRule> value) {
      settleRules = value;
      return this;
    }

    public Builder webhooks(List<WebhookSubscription> value) {
      webhooks = value;
      return this;
    }

    public Builder reopenWithin(Duration value) {
      reopenWithin = value;
      return this;
    }

    public SessionPolicy build() {
      return new SessionPolicy(
          csatWhenEndedBy,
          csatExpiresAfter,
          settleStatus,
          csatRequiresAgentReply,
          csatMinEndUserMessages,
          csatQuestion,
          csatScale,
          settleRules,
          webhooks,
          reopenWithin);
    }
  }

  /**
   * Whether the end of a session sends a survey. An explicit {@code sendCsat} on an agent's or
   * admin's request wins; otherwise who ended it must be in the policy and the minimum interaction
   * must have happened.
   */
  public boolean wantsCsat(EndRequest request, SessionState state) {
    boolean human = request.endedBy() == EndedBy.AGENT || request.endedBy() == EndedBy.ADMIN;
    if (human && request.sendCsat() != null) {
      return request.sendCsat();
    }
    return csatWhenEndedBy.contains(request.endedBy())
        && (!csatRequiresAgentReply || state.agentMessages > 0)
        && state.endUserMessages >= csatMinEndUserMessages;
  }

  /**
   * {@link #wantsCsat(EndRequest, SessionState)} with the rules of macros and triggers (sessions
   * from version {@code ticket-automation} on): their explicit {@code sendCsat} wins too, even for
   * SYSTEM, and an escalation sends no survey unless asked.
   */
  public boolean wantsCsat(EndRequest request, SessionState state, boolean automationRules) {
    if (automationRules) {
      if (request.via() != null && request.sendCsat() != null) {
        return request.sendCsat();
      }
      if (ESCALATED.equals(request.reason()) && request.sendCsat() == null) {
        return false;
      }
    }
    return wantsCsat(request, state);
  }

  /** The settlement for how the session ended: by reason, then by who ended it, then default. */
  public SettlementRule settlementFor(SessionEnd end) {
    return settlementFor(end, false);
  }

  /**
   * With {@code automationRules}, an escalation with no rule of its own leaves the ticket OPEN in
   * whatever group it was moved to: the next team has not solved it yet.
   */
  public SettlementRule settlementFor(SessionEnd end, boolean automationRules) {
    SettlementRule rule = settleRules.get(end.reason());
    if (rule == null && automationRules && ESCALATED.equals(end.reason())) {
      rule = new SettlementRule("OPEN", null);
    }
    if (rule == null) {
      rule = settleRules.get(end.endedBy().name());
    }
    return rule != null ? rule : new SettlementRule(settleStatus, null);
  }
}
