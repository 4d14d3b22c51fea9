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

  /** An unguessable token: it is the only credential of a survey answer. */
  public static String surveyToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
