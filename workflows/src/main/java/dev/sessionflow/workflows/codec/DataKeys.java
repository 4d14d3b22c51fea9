package dev.sessionflow.workflows.codec;

import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Each session's own data key, under which Temporal holds what its end user said and is called:
 * destroying a session's key (an erasure) leaves those payloads unreadable in every history, which
 * no one can edit ("crypto-shredding"). The service keeps them in its store, wrapped under a
 * payload key ({@link DataKeyWrap}).
 */
public interface DataKeys {
  /** The subject's data key, made on its first use; the same key on every later call. */
  DataKey of(String subject);

  /** The key of that id; empty once destroyed (or never made here). */
  Optional<DataKey> byId(String keyId);

  /**
   * A data key: {@code id} is what a payload names, never the subject.
   *
   * @param id a random id, safe in payload metadata and logs
   */
  record DataKey(String id, SecretKey key) {
    @Override
    public String toString() {
      return "DataKey[" + id + "]";
    }
  }
}
