package dev.sessionflow.activities.csat;

import dev.sessionflow.activities.support.DevelopmentMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Survey tokens, the end user's credential for answering a survey. A token is the HMAC-SHA256 of
 * the survey id under {@code sessionflow.csat.token-key} (SESSIONFLOW_CSAT_TOKEN_KEY, base64): the
 * store keeps the survey id and the token's SHA-256 hash, Temporal history the survey id, and the
 * channel's view of the transcript derives the token again. Neither a copy of the database nor a
 * workflow history yields a token without the key.
 *
 * <p>Without a key, a development key stands in where the development tokens do (fully embedded or
 * the {@code dev} profile, never {@code prod}); anywhere else the service refuses to start.
 */
@Component
public class SurveyTokens {
  private static final Logger log = LoggerFactory.getLogger(SurveyTokens.class);
  static final String PROPERTY = "sessionflow.csat.token-key";
  private static final byte[] DEVELOPMENT_KEY =
      "sessionflow-development-survey-token-key".getBytes(StandardCharsets.US_ASCII);

  /** Binds a token to its purpose, so that the key could never sign anything else alike. */
  private static final String CONTEXT = "sessionflow-csat-v1:";

  private final SecretKeySpec key;

  @Autowired
  public SurveyTokens(Environment env) {
    this(key(env.getProperty(PROPERTY), DevelopmentMode.allowed(env)));
  }

  SurveyTokens(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  static byte[] key(String configured, boolean development) {
    if (configured == null || configured.isBlank()) {
      if (!development) {
        throw new IllegalStateException(
            "Refusing to start: no SESSIONFLOW_CSAT_TOKEN_KEY to derive the end users' survey"
                + " links (base64 of 32 random bytes: openssl rand -base64 32; every replica"
                + " needs the same one). Only a fully embedded service or the dev profile runs on"
                + " the development key.");
      }
      log.warn("survey links are derived with the development key: set a survey token key");
      return DEVELOPMENT_KEY;
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(configured.trim());
    } catch (IllegalArgumentException e) {
      key = new byte[0];
    }
    if (key.length < 32) {
      throw new IllegalStateException(
          PROPERTY + " (SESSIONFLOW_CSAT_TOKEN_KEY) must be the base64 of at least 32 bytes");
    }
    return key;
  }

  /** The token of a survey: 43 characters, URL-safe. */
  public String tokenOf(String surveyId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] tag = mac.doFinal((CONTEXT + surveyId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * The token of a survey if it is the one whose hash the store holds: not for a survey sent before
   * tokens were derived, nor after the key was changed (its link, once relayed, still answers).
   */
  public Optional<String> tokenMatching(String surveyId, String tokenHash) {
    String token = tokenOf(surveyId);
    return MessageDigest.isEqual(
            hash(token).getBytes(StandardCharsets.US_ASCII),
            tokenHash.getBytes(StandardCharsets.US_ASCII))
        ? Optional.of(token)
        : Optional.empty();
  }

  /** What the store keeps of a token: its SHA-256, in hex. */
  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
