package dev.sessionflow.activities.settings;

import java.util.Map;
import java.util.function.Function;

/**
 * Whether the channels' overrides can be saved: a channel's name, what it turns off, and the
 * settings its sessions would run with, each problem named under {@code channels.<name>}.
 */
final class ChannelRules {
  static final int MAX_CHANNELS = 20;

  private ChannelRules() {}

  static void check(
      Map<String, String> errors,
      MessagingSettings s,
      Function<MessagingSettings, Map<String, String>> problems) {
    if (s.channels().size() > MAX_CHANNELS) {
      errors.put("channels", "at most " + MAX_CHANNELS + " channels");
      return;
    }
    s.channels()
        .forEach(
            (name, override) -> {
              String field = "channels." + name;
              if (!name.matches(ChannelOverride.NAME_PATTERN)) {
                errors.put(field, "must be 1 to 32 of a-z, 0-9, - and _, such as whatsapp");
              } else if (override == null) {
                errors.put(field, "must be an object of overrides");
              } else if (!ChannelOverride.CAN_TURN_OFF.containsAll(override.turnedOff())) {
                errors.put(field, "only " + ChannelOverride.CAN_TURN_OFF + " can be turned off");
              } else {
                // Only what the channel changes: the account's own problems are named once.
                problems
                    .apply(s.forChannel(name))
                    .forEach(
                        (key, problem) -> {
                          if (!errors.containsKey(key)) {
                            errors.putIfAbsent(field + "." + key, problem);
                          }
                        });
              }
            });
  }
}
