package dev.sessionflow.workflows.hours;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * When the team is open, as an admin sets it.
 *
 * @param timeZone an IANA zone id, such as {@code Europe/Lisbon}
 * @param periods the weekly open periods, in that zone's local time
 * @param holidays local dates ({@code 2026-12-25}) closed all day
 */
public record BusinessHours(String timeZone, List<OpenPeriod> periods, List<String> holidays) {
  public BusinessHours {
    // Nulls kept, not thrown on: the settings' check names each bad entry.
    periods = periods == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(periods));
    holidays =
        holidays == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(holidays));
  }
}
