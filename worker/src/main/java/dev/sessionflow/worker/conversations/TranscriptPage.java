package dev.sessionflow.worker.conversations;

import java.util.List;

/**
 * A page of a transcript, in order.
 *
 * @param next pass as {@code ?after=} for the next page; null on the last page
 */
public record TranscriptPage(List<TranscriptMessage> messages, String next) {}
