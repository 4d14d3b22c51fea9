package dev.sessionflow.activities.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionflow.workflows.hours.BusinessHours;
import dev.sessionflow.workflows.session.SessionPolicy;
import java.util.Map;

/** The settings' JSON columns: the policy and the business hours, written and read back. */
final class SettingsJson {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private SettingsJson() {}

  static String write(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored policy; none stored yet: the defaults. */
  static SessionPolicy policy(String json, SettingsDefaults defaults) {
    if (json == null) {
      return SessionPolicy.defaults().toBuilder()
          .csatExpiresAfter(defaults.csatExpiresAfter())
          .build();
    }
    return read(json, SessionPolicy.class, "policy");
  }

  /** The stored business hours; null: none. */
  static BusinessHours schedule(String json) {
    return json == null ? null : read(json, BusinessHours.class, "business hours");
  }

  /** The stored texts by locale; none: empty. */
  static Map<String, LocaleTexts> texts(String json) {
    return json == null ? Map.of() : read(json, TEXTS, "texts");
  }

  private static final TypeReference<Map<String, LocaleTexts>> TEXTS = new TypeReference<>() {};

  /** The stored channel overrides by channel; none: empty. */
  static Map<String, ChannelOverride> channels(String json) {
    return json == null ? Map.of() : read(json, CHANNELS, "channel overrides");
  }

  private static final TypeReference<Map<String, ChannelOverride>> CHANNELS =
      new TypeReference<>() {};

  private static <T> T read(String json, Class<T> type, String what) {
    return read(json, JSON.constructType(type), what);
  }

  private static <T> T read(String json, TypeReference<T> type, String what) {
    return read(json, JSON.getTypeFactory().constructType(type), what);
  }

  private static <T> T read(String json, JavaType type, String what) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + what + " are unreadable", e);
    }
  }
}
