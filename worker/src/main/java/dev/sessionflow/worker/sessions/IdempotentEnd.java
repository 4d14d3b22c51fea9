package dev.sessionflow.worker.sessions;

import dev.sessionflow.activities.sessions.EndRequestStore;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.ProblemType;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionStatus;
import dev.sessionflow.workflows.session.EndResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An end request under an {@code Idempotency-Key}: the caller and key, and the Update ID they make
 * (the same for every repeat, so that Temporal attaches a repeat to the first request).
 */
record IdempotentEnd(String caller, String key) {
  static final String HEADER = "Idempotency-Key";
  static final String KEY_PATTERN = "^[\\x21-\\x7E]{1,200}$";
  private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

  /** Null without a key; a malformed key is a 400. */
  static IdempotentEnd of(Caller caller, String key) {
    if (key == null) {
      return null;
    }
    if (!KEY.matcher(key).matches()) {
      throw ApiException.invalid(HEADER, "must be 1 to 200 visible ASCII characters");
    }
    String who = caller.role() + ":" + caller.getName();
    return new IdempotentEnd(who, key);
  }

  /** The Update ID (and the end's request id): one per caller and key, of bounded length. */
  String updateId() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((caller + "\n" + key).getBytes(StandardCharsets.UTF_8));
      return "end-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The answer this key already got; a key first used on another session is a conflict. */
  Optional<EndResult> firstAnswer(EndRequestStore store, String sessionId) {
    Optional<EndRequestStore.KeyedEnd> first = store.find(caller, key);
    if (first.isEmpty()) {
      return Optional.empty();
    }
    if (!first.get().sessionId().equals(sessionId)) {
      throw new ApiException(
          ProblemType.CONFLICT,
          "This Idempotency-Key was used for session " + first.get().sessionId());
    }
    EndRequestStore.KeyedEnd answered = first.get();
    if (!answered.answered()) {
      return Optional.empty(); // under way, or cut short: ask the session again
    }
    return Optional.of(
        new EndResult(
            sessionId,
            SessionStatus.ENDED,
            EndedBy.valueOf(answered.endedBy()),
            answered.endReason(),
            answered.endedAt()));
  }

  /** Whether this key's request ended the session (its end carries the Update ID). */
  boolean ended(SessionRecord session, java.time.Instant now) {
    return updateId().equals(session.endRequestId())
        && session.endedAt() != null
        && session.endedAt().plus(EndRequestStore.KEPT_FOR).isAfter(now);
  }

  static EndResult answerOf(SessionRecord session) {
    return new EndResult(
        session.sessionId(),
        SessionStatus.ENDED,
        EndedBy.valueOf(session.endedBy()),
        session.endReason(),
        session.endedAt());
  }

  EndResult remember(EndRequestStore store, EndResult result) {
    store.claim(caller, key, result.sessionId());
    store.answer(caller, key, result.endedBy().name(), result.endReason(), result.endedAt());
    return result;
  }
}
