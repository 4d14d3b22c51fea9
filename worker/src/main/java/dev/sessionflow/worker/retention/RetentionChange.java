package dev.sessionflow.worker.retention;

import dev.sessionflow.activities.retention.RetentionSettings;
import dev.sessionflow.worker.api.ClosedObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;

/**
 * The retention setting as an admin sends it.
 *
 * @param transcriptsKeptFor how long after its session ended a transcript and its survey comment
 *     are kept, in whole days; null (or left out): for ever
 */
@ClosedObject
@Schema(name = "RetentionChange", additionalProperties = AdditionalPropertiesValue.FALSE)
public record RetentionChange(
    @Schema(pattern = RetentionSettings.PATTERN, example = "P365D") String transcriptsKeptFor) {}
