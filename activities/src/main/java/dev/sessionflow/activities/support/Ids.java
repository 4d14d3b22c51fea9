package dev.sessionflow.activities.support;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Identifiers minted by the service. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String sessionId() {
    return UUID.randomUUID().toString();
  }

  /**
   * A survey's id: not a credential (it is in Temporal history), but random, so that a survey's
   * token (derived from it, see SurveyTokens) cannot be told from the session.
   */
  public static String surveyId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "sv-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
