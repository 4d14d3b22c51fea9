package dev.sessionflow.worker.workspace.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionflow.activities.settings.TimersCount;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.settings.Durations;
import dev.sessionflow.workflows.model.EndedBy;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One channel's row of the channels page, read field by field: an empty field is null (the
 * account's value), {@code off} turns off what can be off, and a value that cannot be read is a
 * {@code 400 validation} naming {@code channels.<name>.<field>}.
 */
final class ChannelRow {
  private static final ObjectMapper JSON = new ObjectMapper();

  final String at;
  final Set<String> off = new HashSet<>();
  private final Map<String, String> row;

  ChannelRow(String at, Map<String, String> row) {
    this.at = at;
    this.row = row;
  }

  <T> T value(String field, Function<String, T> read) {
    String value = row.get(field);
    return value == null ? null : read.apply(value);
  }

  /** {@code off}: turned off for the channel; else read. */
  <T> T offOr(String field, Function<String, T> read) {
    if ("off".equalsIgnoreCase(row.get(field))) {
      off.add(field);
      return null;
    }
    return value(field, read);
  }

  Duration timer(String field) {
    return offOr(field, v -> Durations.parse(at + field, v));
  }

  TimersCount timersCount(String value) {
    try {
      return TimersCount.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw invalid("timersCount", "must be CALENDAR or BUSINESS_HOURS");
    }
  }

  Integer number(String field, String value) {
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw invalid(field, "must be a whole number");
    }
  }

  Set<EndedBy> endedBy(String value) {
    try {
      Set<EndedBy> who = new HashSet<>();
      Arrays.stream(value.split("[,\\s]+"))
          .filter(v -> !v.isEmpty())
          .forEach(v -> who.add(EndedBy.valueOf(v)));
      return who;
    } catch (IllegalArgumentException e) {
      throw invalid("csat.sendWhenEndedBy", "must be some of AGENT, ADMIN, END_USER, SYSTEM");
    }
  }

  <T> T json(String field, String value, Class<T> type) {
    try {
      return JSON.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw invalid(field, "must be the API's JSON, or off");
    }
  }

  private ApiException invalid(String field, String problem) {
    return ApiException.invalid(at + field, problem);
  }
}
