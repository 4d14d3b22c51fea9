package dev.sessionflow.worker.sessions;

import dev.sessionflow.activities.conversations.AgentMessageOutcome;
import dev.sessionflow.activities.conversations.ConversationStore;
import dev.sessionflow.activities.csat.Survey;
import dev.sessionflow.activities.csat.SurveyStore;
import dev.sessionflow.activities.sessions.EndRequestStore;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.worker.access.AccessChecks;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.Cursors;
import dev.sessionflow.worker.api.ProblemType;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.session.ChatMessage;
import dev.sessionflow.workflows.session.EndRequest;
import dev.sessionflow.workflows.session.EndResult;
import dev.sessionflow.workflows.session.SessionErrors;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Agents' and admins' work on sessions: reply, end, read. */
@Service
public class SessionService {
  private static final Logger log = LoggerFactory.getLogger(SessionService.class);

  private final SessionStore sessions;
  private final ConversationStore conversations;
  private final SurveyStore surveys;
  private final SettingsStore settings;
  private final SessionGateway gateway;
  private final AccessChecks access;
  private final Clock clock;
  private final EndRequestStore endRequests;
  private final SessionDeadlines deadlines;

  public SessionService(
      SessionStore sessions,
      ConversationStore conversations,
      SurveyStore surveys,
      SettingsStore settings,
      SessionGateway gateway,
      AccessChecks access,
      Clock clock,
      EndRequestStore endRequests,
      SessionDeadlines deadlines) {
    this.endRequests = endRequests;
    this.deadlines = deadlines;
    this.sessions = sessions;
    this.conversations = conversations;
    this.surveys = surveys;
    this.settings = settings;
    this.gateway = gateway;
    this.access = access;
    this.clock = clock;
  }

  /** Stores and delivers an agent's reply; answers its store sequence number. */
  public long agentMessage(String sessionId, Caller agent, AgentMessageRequest body) {
    SessionRecord checked = access.session(agent, sessionId, true);
    AgentMessageOutcome outcome =
        conversations.acceptAgentMessage(checked, body.messageId(), agent.agentId(), body.text());
    switch (outcome.result()) {
      case NO_SUCH_SESSION -> throw ApiException.notFound("Session " + sessionId);
      case SESSION_ENDED -> throw sessionEnded(sessionId);
      case STORED, DUPLICATE -> {}
    }
    SessionRecord s = outcome.session();
    long sequence = outcome.sequence();
    gateway.deliver(
        SessionIdentity.of(s),
        ChatMessage.fromAgent(body.messageId(), agent.agentId())
            .stored(sequence, outcome.storedAt())
            .withSettingsVersion(outcome.settingsVersion()),
        false);
    return sequence;
  }

  public EndResult end(String sessionId, Caller caller, EndSessionRequest body) {
    return end(sessionId, caller, body, null);
  }

  /**
   * Ends a session. Under an {@code Idempotency-Key}, the key (with the caller) becomes the Update
   * ID: a repeat within 24 h gets the first answer, or waits on the first request if that is still
   * under way; another key after the end gets 409.
   */
  public EndResult end(
      String sessionId, Caller caller, EndSessionRequest body, String idempotencyKey) {
    IdempotentEnd keyed = IdempotentEnd.of(caller, idempotencyKey);
    EndedBy endedBy =
        switch (caller.role()) {
          case AGENT -> EndedBy.AGENT;
          case ADMIN -> EndedBy.ADMIN;
          case CHANNEL, VISITOR -> EndedBy.END_USER;
        };
    // One read for the setting, the access check and the end's position (see findForEnd).
    Optional<SessionStore.EndTarget> read = sessions.findForEnd(sessionId);
    if (endedBy == EndedBy.AGENT && !agentsCanEndSessions(read)) {
      throw new ApiException(
          ProblemType.AGENT_END_DISABLED,
          "The account setting 'Agents can end messaging sessions at any time' is off; "
              + "an admin can turn it on (PUT /api/v1/settings/messaging)");
    }
    SessionStore.EndTarget target =
        read.orElseThrow(() -> ApiException.notFound("Session " + sessionId));
    SessionRecord session = access.session(caller, target.found(), true);
    if (keyed != null) {
      Optional<EndResult> answered = keyed.firstAnswer(endRequests, sessionId);
      if (answered.isPresent()) {
        return answered.get();
      }
    }
    if (session.ended()) {
      if (keyed != null && keyed.ended(session, clock.instant())) {
        // ended by this very key, whose answer a crash kept from being recorded
        confirmEnd(sessionId, endRequest(target, caller, endedBy, body, keyed));
        return keyed.remember(endRequests, IdempotentEnd.answerOf(session));
      }
      if (session.endedVia() == null) {
        // A macro's or trigger's step asks again itself; any other end is asked as stored.
        confirmEnd(sessionId, storedEnd(session));
      }
      throw sessionEnded(sessionId);
    }
    if (keyed != null) {
      endRequests.claim(keyed.caller(), keyed.key(), sessionId);
    }
    EndRequest request = endRequest(target, caller, endedBy, body, keyed);
    try {
      EndResult result = gateway.end(sessionId, request, () -> {});
      return keyed == null ? result : keyed.remember(endRequests, result);
    } catch (WorkflowUpdateException e) {
      throw endFailure(sessionId, e);
    } catch (ExecutionException e) {
      throw endFailure(sessionId, e.getCause());
    } catch (WorkflowNotFoundException e) {
      throw endFailure(sessionId, e);
    } catch (TimeoutException e) {
      throw new ApiException(
          ProblemType.UNAVAILABLE,
          "The session did not answer in time; it may still end. Retry to learn the outcome");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(ProblemType.UNAVAILABLE, "Interrupted");
    }
  }

  /** The setting as of the version just read; without a session, as stored (a 403 before a 404). */
  private boolean agentsCanEndSessions(Optional<SessionStore.EndTarget> target) {
    return target
        .map(t -> settings.atVersion(t.settingsVersion()).agentsCanEndSessions())
        .orElseGet(settings::agentsCanEndSessions);
  }

  private EndRequest endRequest(
      SessionStore.EndTarget position,
      Caller caller,
      EndedBy endedBy,
      EndSessionRequest body,
      IdempotentEnd keyed) {
    String reason = body != null && body.reason() != null ? body.reason() : defaultReason(endedBy);
    // The end follows every message the store held when it was read, or at least those the caller
    // saw.
    long seen = position.lastSequence();
    if (body != null && body.lastSeenSequence() != null) {
      seen = Math.max(seen, body.lastSeenSequence());
    }
    // The end record names who acted: the agent, the admin or the channel (by principal name).
    EndRequest request =
        new EndRequest(endedBy, caller.getName(), reason, body == null ? null : body.sendCsat())
            .after(seen == 0 ? null : seen)
            .afterMessages(position.messageCount())
            .knowingSettings(position.settingsVersion());
    return keyed == null ? request : request.withRequestId(keyed.updateId());
  }

  /** The end the store holds, as a request: its repeat, under its Update ID when it had one. */
  private static EndRequest storedEnd(SessionRecord session) {
    EndRequest request =
        new EndRequest(
            EndedBy.valueOf(session.endedBy()),
            session.endedByAgentId(),
            session.endReason(),
            session.csatWanted());
    return session.endRequestId() == null ? request : request.withRequestId(session.endRequestId());
  }

  /**
   * Asks the session again, under the key's Update ID, for an end the store holds. The session may
   * never have heard of it: the close runs in the workflow task that accepts the Update, and a
   * crash can lose that task and, with its Temporal node, the Update. Asked again, the session ends
   * (its repeated close changes nothing in the store); one that knows the end answers it again; one
   * that has finished or does not answer leaves the store's answer, which is the caller's either
   * way. An end without key is asked again as the store holds it: a session that knows an end
   * refuses it (or answers it, if it is its own), one that missed it takes it.
   */
  private boolean confirmEnd(String sessionId, EndRequest request) {
    try {
      gateway.end(sessionId, request, () -> {});
      return true;
    } catch (WorkflowUpdateException | WorkflowNotFoundException e) {
      log.debug("session {} finished or refused the repeated end", sessionId);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      // Best effort: the caller's answer is the store's, whatever Temporal says here.
      log.warn("session {} did not confirm the end the store holds", sessionId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /**
   * The reconciler's request: the session is asked for the end the store holds, as stored (see
   * {@link #confirmEnd}). Answers whether it took or knew it; false for a session that finished or
   * is gone.
   */
  public boolean askToFinish(SessionRecord session) {
    return confirmEnd(session.sessionId(), storedEnd(session));
  }

  /** An end user who leaves has not said the issue is resolved. */
  private static String defaultReason(EndedBy endedBy) {
    return endedBy == EndedBy.END_USER ? "END_USER_LEFT" : "RESOLVED";
  }

  private RuntimeException endFailure(String sessionId, Throwable failure) {
    if (SessionErrors.isSessionEnded(failure)
        || failure instanceof WorkflowNotFoundException
            && sessions.find(sessionId).map(SessionRecord::ended).orElse(false)) {
      return sessionEnded(sessionId);
    }
    if (failure instanceof WorkflowNotFoundException) {
      // The store has the session open but its workflow is gone (a start cut short, or one
      // terminated by hand): ops must look at it, see docs/operations.md.
      return new ApiException(
          ProblemType.CONFLICT, "Session " + sessionId + " has no running workflow to end it");
    }
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException(failure);
  }

  public SessionResponse get(Caller caller, String sessionId) {
    return view(access.session(caller, sessionId, false));
  }

  /**
   * A page of the newest sessions the caller may see: the scope is applied in the query, before
   * paging, so neither the page nor its cursor names a session out of sight.
   */
  public SessionPage page(Caller caller, String status, String agentId, String after, int limit) {
    List<SessionStore.Listed> page =
        sessions.page(
            AccessChecks.visibility(caller), status, agentId, SessionPage.position(after), limit);
    Map<String, SessionDeadlines.Due> due =
        deadlines.of(page.stream().map(SessionStore.Listed::session).toList());
    List<SessionResponse> views =
        page.stream().map(l -> view(l.session(), Optional.ofNullable(l.survey()), due)).toList();
    if (page.size() < limit) {
      return new SessionPage(views, null);
    }
    SessionRecord last = page.getLast().session();
    return new SessionPage(views, Cursors.sessions(last.openedAt(), last.sessionId()));
  }

  private SessionResponse view(SessionRecord s) {
    return view(s, surveys.forSession(s.sessionId()), deadlines.of(List.of(s)));
  }

  private SessionResponse view(
      SessionRecord s, Optional<Survey> survey, Map<String, SessionDeadlines.Due> due) {
    return SessionResponse.of(
        s, survey, clock.instant(), due.getOrDefault(s.sessionId(), SessionDeadlines.Due.NONE));
  }

  static ApiException sessionEnded(String sessionId) {
    return new ApiException(ProblemType.SESSION_ENDED, "Session " + sessionId + " has ended");
  }
}
