package dev.sessionflow.activities.support;

/**
 * The longest value of each text field the API accepts, declared once: request validation uses
 * these, and the Flyway schema's columns hold them (LimitsMatchSchemaTest checks both).
 */
public final class Limits {
  /** Caller-chosen ids: conversation, message, end user ({@code [A-Za-z0-9._:@-]}). */
  public static final int ID = 128;

  public static final String ID_PATTERN = "^[A-Za-z0-9._:@-]{1," + ID + "}$";
  public static final int MESSAGE_TEXT = 16_384;
  public static final int END_USER_NAME = 256;
  public static final int END_REASON = 64;
  public static final String END_REASON_PATTERN = "^[A-Za-z0-9_.-]{1," + END_REASON + "}$";
  public static final int GROUP = 128;

  /**
   * Holds a character that is not whitespace as {@link String#isBlank()} sees it (a regular
   * expression the OpenAPI document can carry, unlike {@code \\S}, whose whitespace differs).
   */
  public static final String NOT_BLANK_PATTERN =
      "[^\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]";

  public static final int AUTOMATION_NAME = 200;

  /** An internal note or message of a macro or trigger. */
  public static final int ACTION_TEXT = 4000;

  /** Warning and ended-notice texts. */
  public static final int SETTINGS_TEXT = 1000;

  public static final int CSAT_QUESTION = 500;
  public static final int CSAT_COMMENT = 4000;
  public static final int WEBHOOK_URL = 2000;

  /** Audit and step details: an action's text with a prefix naming its actor and source. */
  public static final int DETAIL = 8000;

  private Limits() {}

  /** A text cut to fit a column, for details the service writes itself. */
  public static String fit(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
