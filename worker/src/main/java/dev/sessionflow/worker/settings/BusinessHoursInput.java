package dev.sessionflow.worker.settings;

import dev.sessionflow.worker.api.ClosedObject;
import dev.sessionflow.worker.api.NotNullWhenSent;
import dev.sessionflow.workflows.hours.BusinessHours;
import dev.sessionflow.workflows.hours.OpenPeriod;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Business hours as the settings' body has them; replaced whole. The time zone, the periods' order
 * of times and the dates are checked by the store, naming each field.
 */
@ClosedObject
@Schema(name = "BusinessHoursChange", additionalProperties = AdditionalPropertiesValue.FALSE)
public record BusinessHoursInput(
    @NotNull
        @NotNullWhenSent
        @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            minLength = 1,
            maxLength = 64,
            description = "an IANA time zone, such as Europe/Lisbon")
        String timeZone,
    @NotNull
        @NotNullWhenSent
        @ArraySchema(
            minItems = 1,
            maxItems = 50,
            arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
        List<@Valid @NotNull Period> periods,
    @NotNullWhenSent
        @ArraySchema(
            maxItems = 400,
            schema = @Schema(format = "date", description = "a local date closed all day"))
        List<String> holidays) {

  /** A weekly open period in the zone's local time. */
  @ClosedObject
  @Schema(
      name = "BusinessHoursPeriodChange",
      additionalProperties = AdditionalPropertiesValue.FALSE)
  public record Period(
      @NotNull
          @NotNullWhenSent
          @ArraySchema(
              minItems = 1,
              schema = @Schema(allowableValues = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"}),
              arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
          List<String> days,
      @NotNull
          @NotNullWhenSent
          @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$",
              description = "opens, HH:mm")
          String from,
      @NotNull
          @NotNullWhenSent
          @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              pattern = "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$",
              description = "closes, HH:mm after from; 24:00 is midnight")
          String to) {}

  BusinessHours toSchedule() {
    return new BusinessHours(
        timeZone,
        periods.stream().map(p -> new OpenPeriod(p.days(), p.from(), p.to())).toList(),
        holidays);
  }
}
