package dev.sessionflow.workflows.codec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payload keys: the current one encrypts, every one decrypts. Written {@code
 * id:base64[,id:base64...]} (or one per line), the current key first: to rotate, put a new key
 * first and keep the old ones for as long as histories encrypted under them are kept.
 */
public final class PayloadKeys {
  /** A key id as payload metadata carries it: short, and safe in a log line. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  /** The development key's id: a payload under it is as good as plain text. */
  public static final String DEVELOPMENT_ID = "dev";

  private static final byte[] DEVELOPMENT_KEY =
      "sessionflow-development-payloads".getBytes(StandardCharsets.US_ASCII);

  private final String currentId;
  private final Map<String, SecretKey> keys;

  private PayloadKeys(String currentId, Map<String, SecretKey> keys) {
    this.currentId = currentId;
    this.keys = Map.copyOf(keys);
  }

  /** The well-known development key: for development and tests only. */
  public static PayloadKeys development() {
    return new PayloadKeys(
        DEVELOPMENT_ID, Map.of(DEVELOPMENT_ID, new SecretKeySpec(DEVELOPMENT_KEY, "AES")));
  }

  /**
   * Parses {@code id:base64} entries separated by commas or line breaks, the current key first.
   *
   * @throws IllegalArgumentException naming the entry at fault, never its key
   */
  public static PayloadKeys parse(String spec) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String current = null;
    for (String entry : spec.split("[,\\n\\r]+")) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      String id = colon < 0 ? "" : trimmed.substring(0, colon).strip();
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "a payload key entry is not id:base64 with an id of letters, digits, '.', '_' or '-'");
      }
      byte[] key = decode(id, trimmed.substring(colon + 1).strip());
      if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
        throw new IllegalArgumentException("payload key " + id + " is given twice");
      }
      current = current == null ? id : current;
    }
    if (current == null) {
      throw new IllegalArgumentException("no payload key given");
    }
    return new PayloadKeys(current, keys);
  }

  private static byte[] decode(String id, String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("payload key " + id + " is not base64");
    }
    if (key.length != 16 && key.length != 24 && key.length != 32) {
      throw new IllegalArgumentException(
          "payload key "
              + id
              + " must be the base64 of 16, 24 or 32 bytes (openssl rand -base64 32)");
    }
    return key;
  }

  public String currentId() {
    return currentId;
  }

  SecretKey current() {
    return keys.get(currentId);
  }

  Optional<SecretKey> find(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  public boolean developmentOnly() {
    return currentId.equals(DEVELOPMENT_ID);
  }
}
