package dev.sessionflow.activities.webhooks;

import dev.sessionflow.activities.csat.SurveyLinks;
import dev.sessionflow.activities.csat.SurveyStore;
import dev.sessionflow.activities.webhooks.ChannelLanes.LaneMessage;
import dev.sessionflow.workflows.webhooks.ChannelLane;
import dev.sessionflow.workflows.webhooks.LaneActivities;
import dev.sessionflow.workflows.webhooks.LaneProgress;
import dev.sessionflow.workflows.webhooks.LaneStart;
import dev.sessionflow.workflows.webhooks.WebhookCall;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import io.temporal.spring.boot.ActivityImpl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A lane's steps: the next message past its position, posted as {@code message.created} (after
 * {@code session.started} when it opened its session), then the position moved past it. The event
 * ids are stable ({@code message.created:<conversation>:<sequence>}), so a receiver drops a repeat.
 */
@Component
@ActivityImpl(taskQueues = ChannelLane.TASK_QUEUE)
public class LaneActivitiesImpl implements LaneActivities {
  private final ChannelLanes lanes;
  private final WebhookStore webhooks;
  private final WebhookActivitiesImpl poster;
  private final SurveyStore surveys;
  private final SurveyLinks links;

  public LaneActivitiesImpl(
      ChannelLanes lanes,
      WebhookStore webhooks,
      WebhookActivitiesImpl poster,
      SurveyStore surveys,
      SurveyLinks links) {
    this.lanes = lanes;
    this.webhooks = webhooks;
    this.poster = poster;
    this.surveys = surveys;
    this.links = links;
  }

  @Override
  public LaneProgress deliverNext(LaneStart lane) {
    Optional<Set<String>> wanted = webhooks.find(lane.hookId()).map(Webhook::events);
    if (wanted.isEmpty()) {
      return new LaneProgress(null, false); // removed: the lane idles out
    }
    long position = lanes.position(lane.hookId(), lane.conversationId(), lane.fromSeq());
    List<LaneMessage> next = lanes.after(lane.conversationId(), position, 2);
    if (next.isEmpty()) {
      return new LaneProgress(null, false);
    }
    LaneMessage m = next.getFirst();
    if (m.openedSession() && wanted.get().contains(WebhookEvent.SESSION_STARTED)) {
      poster.post(new WebhookCall(lane.hookId(), sessionStarted(m)));
    }
    if (wanted.get().contains(WebhookEvent.MESSAGE_CREATED)) {
      poster.post(new WebhookCall(lane.hookId(), messageCreated(m)));
    }
    lanes.advance(lane.hookId(), lane.conversationId(), m.seq());
    return new LaneProgress(m.seq(), next.size() > 1);
  }

  @Override
  public void skipNext(LaneStart lane) {
    long position = lanes.position(lane.hookId(), lane.conversationId(), lane.fromSeq());
    List<LaneMessage> next = lanes.after(lane.conversationId(), position, 1);
    if (!next.isEmpty()) {
      lanes.advance(lane.hookId(), lane.conversationId(), next.getFirst().seq());
    }
  }

  private static WebhookEvent sessionStarted(LaneMessage m) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("sessionId", m.sessionId());
    data.put("ticketId", m.ticketId());
    data.put("conversationId", m.conversationId());
    data.put("endUserId", m.endUserId());
    data.put("startedAt", m.at().toString());
    return new WebhookEvent(
        WebhookEvent.SESSION_STARTED + ":" + m.sessionId(),
        WebhookEvent.SESSION_STARTED,
        m.at().toString(),
        data);
  }

  private WebhookEvent messageCreated(LaneMessage m) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("conversationId", m.conversationId());
    data.put("sessionId", m.sessionId());
    data.put("messageId", m.messageId());
    data.put("sequence", m.seq());
    data.put("author", m.author());
    if (m.agentId() != null) {
      data.put("agentId", m.agentId());
    }
    if (m.kind() != null) {
      data.put("kind", SystemMessageKinds.forEndUser(m.kind()));
    }
    data.put("text", m.text());
    data.put("at", m.at().toString());
    if (m.surveyId() != null) {
      // the end user's link: derived again, as in the channel's transcript (see SurveyTokens)
      surveys.linkToken(m.surveyId()).ifPresent(t -> data.put("surveyUrl", links.surveyUrl(t)));
    }
    return new WebhookEvent(
        WebhookEvent.MESSAGE_CREATED + ":" + m.conversationId() + ":" + m.seq(),
        WebhookEvent.MESSAGE_CREATED,
        m.at().toString(),
        data);
  }
}
