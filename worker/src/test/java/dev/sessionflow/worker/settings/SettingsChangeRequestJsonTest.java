package dev.sessionflow.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.worker.api.StrictJsonConfig;
import dev.sessionflow.workflows.model.EndedBy;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings change's JSON as the service reads it: a key left out, JSON null and a value are
 * three different things, and a key the object does not know is refused where its schema says so.
 */
class SettingsChangeRequestJsonTest {
  private static final JsonMapper JSON = strictMapper();

  private static JsonMapper strictMapper() {
    JsonMapper.Builder builder = JsonMapper.builder();
    StrictJsonConfig.strict(builder);
    return builder.build();
  }

  private static SettingsChangeRequest read(String json) {
    return JSON.readValue(json, SettingsChangeRequest.class);
  }

  @Test
  void aTimerLeftOutIsUnchangedAndNullTurnsItOff() {
    SettingsChangeRequest change = read("{\"autoCloseAfter\": null, \"inactiveAfter\": \"PT5M\"}");
    assertThat(change.autoCloseAfter()).isEmpty();
    assertThat(change.warnBeforeClose()).isNull();
    assertThat(change.inactiveAfter()).contains("PT5M");
    assertThat(change.reopenWithin()).isNull();
    assertThat(change.changesPolicy()).isFalse();
  }

  @Test
  void nullIsRefusedWhereItMeansNothing() {
    assertThatThrownBy(() -> read("{\"warningText\": null}"))
        .isInstanceOf(InvalidNullException.class);
    assertThatThrownBy(() -> read("{\"csat\": {\"scale\": null}}"))
        .isInstanceOf(InvalidNullException.class);
    assertThatThrownBy(() -> read("{\"csat\": {\"sendWhenEndedBy\": [\"AGENT\", null]}}"))
        .isInstanceOf(InvalidNullException.class);
    assertThatThrownBy(() -> read("{\"webhooks\": [null]}"))
        .isInstanceOf(InvalidNullException.class);
    assertThat(
            read("{\"settlement\": {\"rules\": {\"ESCALATED\": {\"status\": \"open\"}}}}")
                .settlement()
                .rules()
                .get("ESCALATED")
                .group())
        .isNull();
  }

  @Test
  void closedObjectsRefuseUnknownKeysAndTheOthersIgnoreThem() {
    assertThatThrownBy(() -> read("{\"colour\": \"blue\"}"))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("colour");
    assertThatThrownBy(() -> read("{\"csat\": {\"colour\": \"blue\"}}"))
        .isInstanceOf(UnrecognizedPropertyException.class);
    assertThatThrownBy(() -> read("{\"widget\": {\"origins\": []}}"))
        .isInstanceOf(UnrecognizedPropertyException.class);
    SettingsChangeRequest change =
        read(
            "{\"settlement\": {\"default\": \"solved\", \"note\": 1},"
                + " \"webhooks\": [{\"url\": \"https://x.example\", \"secret\": \"s\","
                + " \"events\": [\"session.ended\"], \"label\": \"crm\"}]}");
    assertThat(change.settlement().defaultStatus()).isEqualTo("solved");
    assertThat(change.webhooks())
        .singleElement()
        .extracting(h -> h.url())
        .isEqualTo("https://x.example");
  }

  @Test
  void typesAreReadStrictly() {
    assertThatThrownBy(() -> read("{\"agentsCanEndSessions\": \"yes\"}"))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("{\"inactiveAfter\": 300}"))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("{\"csat\": {\"scale\": 4.5}}"))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("{\"csat\": {\"sendWhenEndedBy\": [\"agent\"]}}"))
        .isInstanceOf(MismatchedInputException.class);
    SettingsChangeRequest change =
        read("{\"csat\": {\"scale\": 5.0, \"sendWhenEndedBy\": [\"AGENT\", \"AGENT\"]}}");
    assertThat(change.csat().scale()).isEqualTo(5);
    assertThat(change.csat().sendWhenEndedBy()).containsExactly(EndedBy.AGENT, EndedBy.AGENT);
    assertThat(change.changesPolicy()).isTrue();
    assertThat(read("{\"reopenWithin\": null}").reopenWithin()).isEqualTo(Optional.empty());
  }
}
