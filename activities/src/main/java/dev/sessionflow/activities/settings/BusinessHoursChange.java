package dev.sessionflow.activities.settings;

import dev.sessionflow.workflows.hours.BusinessHours;
import java.util.Optional;

/**
 * A partial change of the business-hours settings: a field left out is {@code null}; a schedule or
 * text given as JSON null is {@code Optional.empty()} and removes it.
 */
public record BusinessHoursChange(
    TimersCount timersCount, Optional<BusinessHours> schedule, Optional<String> outOfHoursText) {

  BusinessHoursSettings applyTo(BusinessHoursSettings now) {
    return new BusinessHoursSettings(
        timersCount != null ? timersCount : now.timersCount(),
        schedule != null ? schedule.orElse(null) : now.schedule(),
        outOfHoursText != null ? outOfHoursText.orElse(null) : now.outOfHoursText());
  }
}
