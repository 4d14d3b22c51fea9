package dev.sessionflow.worker.dataprotection;

import dev.sessionflow.activities.datakeys.StoredDataKeys;
import dev.sessionflow.activities.support.DevelopmentMode;
import dev.sessionflow.workflows.codec.EncryptedDataConverter;
import dev.sessionflow.workflows.codec.PayloadKeys;
import io.temporal.common.converter.DataConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The payload keys, from {@code SESSIONFLOW_PAYLOAD_KEYS} or the file {@code
 * SESSIONFLOW_PAYLOAD_KEYS_FILE} names; and the data converter the Temporal starter then uses for
 * every client and worker. Without keys the service runs on the development key only where
 * development stand-ins are allowed (fully embedded, or the dev profile), and refuses to start
 * anywhere else.
 */
@Configuration(proxyBeanMethods = false)
class PayloadKeysConfig {
  private static final Logger log = LoggerFactory.getLogger(PayloadKeysConfig.class);
  static final String KEYS = "sessionflow.payload-keys";
  static final String KEYS_FILE = "sessionflow.payload-keys-file";

  @Bean
  PayloadKeys payloadKeys(Environment env) {
    return keys(env.getProperty(KEYS, ""), env.getProperty(KEYS_FILE, ""), env);
  }

  static PayloadKeys keys(String inline, String file, Environment env) {
    String spec = inline;
    if (spec.isBlank() && !file.isBlank()) {
      try {
        spec = Files.readString(Path.of(file));
      } catch (IOException e) {
        throw new IllegalStateException(
            "Refusing to start: SESSIONFLOW_PAYLOAD_KEYS_FILE " + file + " cannot be read", e);
      }
    }
    if (spec.isBlank()) {
      if (!DevelopmentMode.allowed(env)) {
        throw new IllegalStateException(
            "Refusing to start: no SESSIONFLOW_PAYLOAD_KEYS (or SESSIONFLOW_PAYLOAD_KEYS_FILE) to"
                + " encrypt what the service stores in Temporal. Set it to id:base64-key, for"
                + " example k1:$(openssl rand -base64 32); the development key is used only fully"
                + " embedded or with the dev profile.");
      }
      log.warn(
          "No SESSIONFLOW_PAYLOAD_KEYS: Temporal payloads are encrypted under the public"
              + " development key, as good as plain text. Never run it like this in production.");
      return PayloadKeys.development();
    }
    try {
      PayloadKeys keys = PayloadKeys.parse(spec);
      log.info("Temporal payloads are encrypted under payload key {}", keys.currentId());
      return keys;
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Refusing to start: SESSIONFLOW_PAYLOAD_KEYS: " + e.getMessage(), e);
    }
  }

  /** The one data converter bean: the Temporal starter gives it to every client and worker. */
  @Bean
  DataConverter encryptedDataConverter(PayloadKeys keys, StoredDataKeys dataKeys) {
    return EncryptedDataConverter.of(keys, dataKeys);
  }
}
