package dev.sessionflow.worker.automation;

import dev.sessionflow.worker.api.ApiException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Run ids of ticket updates. With an {@code Idempotency-Key} header the id is derived from it, so a
 * retried request joins its first run instead of applying the actions again.
 */
public final class RunIds {
  public static final String HEADER = "Idempotency-Key";

  /** What an Idempotency-Key of a ticket update may be, as the OpenAPI document declares it. */
  public static final String KEY_PATTERN = "^[A-Za-z0-9._:-]{1,64}$";

  private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

  private RunIds() {}

  public static String of(String ticketId, String what, String idempotencyKey) {
    if (idempotencyKey == null) {
      return ticketId + "-" + what + "-" + UUID.randomUUID();
    }
    if (!KEY.matcher(idempotencyKey).matches()) {
      throw ApiException.invalid(HEADER, "must be 1 to 64 of [A-Za-z0-9._:-]");
    }
    return ticketId + "-" + what + "-key-" + idempotencyKey;
  }
}
