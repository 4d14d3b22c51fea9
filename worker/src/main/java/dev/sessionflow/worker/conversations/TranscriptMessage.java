package dev.sessionflow.worker.conversations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One message of a transcript; SYSTEM messages carry their kind, and the survey invitation in the
 * channel's view its token and the hosted page's URL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TranscriptMessage(
    String messageId,
    String sessionId,
    String author,
    String agentId,
    String kind,
    String text,
    String surveyToken,
    String surveyUrl,
    Instant at) {}
