/**
 * The retention pass: a Temporal Schedule ({@link
 * dev.sessionflow.workflows.retention.TranscriptRetention#SCHEDULE_ID}) runs {@link
 * dev.sessionflow.workflows.retention.TranscriptRetention} every hour, which purges, batch by
 * batch, the transcripts and survey comments of sessions that ended before the retention setting's
 * cutoff, then records what it purged. Uses nothing else of the module.
 */
package dev.sessionflow.workflows.retention;
