package dev.sessionflow.workflows.retention;

/**
 * What a purge emptied: sessions whose transcript it reached, message texts, survey comments.
 *
 * @param sessions sessions whose transcript held something to purge
 * @param messages message texts emptied
 * @param surveyComments survey comments removed
 */
public record Purged(long sessions, long messages, long surveyComments) {
  public static final Purged NONE = new Purged(0, 0, 0);

  public Purged plus(Purged other) {
    return new Purged(
        sessions + other.sessions,
        messages + other.messages,
        surveyComments + other.surveyComments);
  }
}
