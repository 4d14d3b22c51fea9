package dev.sessionflow.worker.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.workflows.model.TicketStatus;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document declares the problems and the limits the service really applies. */
class OpenApiContractTest extends ApiTestBase {

  @Test
  void everyOperationDeclaresItsProblemsAsProblemJson() {
    JsonNode doc = api.get("/v3/api-docs", null).expect(200).json();
    List<String> missing = new ArrayList<>();
    doc.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          JsonNode responses = op.getValue().get("responses");
                          List<String> wanted =
                              new ArrayList<>(List.of("400", "401", "403", "404", "429", "503"));
                          if (op.getValue().has("requestBody")) {
                            wanted.addAll(List.of("413", "415"));
                          }
                          for (String status : wanted) {
                            if (!responses
                                .path(status)
                                .path("content")
                                .has("application/problem+json")) {
                              missing.add(op.getKey() + " " + path.getKey() + " " + status);
                            }
                          }
                        }));
    assertThat(missing).isEmpty();
    assertThat(doc.at("/components/schemas/Problem/required").toString()).contains("type");
  }

  @Test
  void requestSchemasCarryTheRealLimits() {
    JsonNode schemas =
        api.get("/v3/api-docs", null).expect(200).json().get("components").get("schemas");
    assertThat(schemas.at("/EndUserMessageRequest/properties/text/maxLength").asInt())
        .isEqualTo(16_384);
    assertThat(schemas.at("/EndUserMessageRequest/properties/messageId/pattern").asText())
        .isEqualTo("^[A-Za-z0-9._:@-]{1,128}$");
    assertThat(schemas.at("/EndSessionRequest/properties/reason/maxLength").asInt()).isEqualTo(64);
    assertThat(schemas.at("/CsatAnswerRequest/properties/rating/maximum").asInt()).isEqualTo(10);
    // A ticket change: a group of 1 to 128 characters or a settable status, at least one not null.
    JsonNode patch = schemas.get("TicketPatch");
    assertThat(patch.at("/properties/group/maxLength").asInt()).isEqualTo(128);
    assertThat(patch.at("/properties/status/enum").toString()).contains("PENDING");
    assertThat(patch.at("/anyOf/0/required").toString()).isEqualTo("[\"group\"]");
    assertThat(patch.at("/anyOf/0/properties/group/type").toString()).isEqualTo("\"string\"");
    assertThat(patch.at("/anyOf/1/required").toString()).isEqualTo("[\"status\"]");
  }

  @Test
  void statusesBeyondTheCommonOnesAreDeclared() {
    JsonNode paths = api.get("/v3/api-docs", null).expect(200).json().get("paths");
    assertThat(paths.at("/~1api~1v1~1macros/post/responses").has("201")).isTrue();
    assertThat(paths.at("/~1api~1v1~1macros~1{macroId}/delete/responses").has("204")).isTrue();
    assertThat(
            paths
                .at("/~1api~1v1~1sessions~1{sessionId}~1end/post/responses/409/content")
                .has("application/problem+json"))
        .isTrue();
    assertThat(paths.at("/~1api~1v1~1csat~1{surveyToken}/post/responses").has("410")).isTrue();
    assertThat(
            paths.at("/~1api~1v1~1sessions~1{sessionId}/get/parameters/0/schema/pattern").asText())
        .isEqualTo("^[A-Za-z0-9._:@-]{1,128}$");
  }

  @Test
  void optionalFieldsAreNullableAndLinksOpenMessageAndEndSessions() {
    JsonNode doc = api.get("/v3/api-docs", null).expect(200).json();
    assertThat(
            doc.at("/components/schemas/SettingsResponse/properties/reopenWithin/type").toString())
        .contains("null");
    assertThat(doc.at("/components/schemas/SessionPage/properties/next/type").toString())
        .contains("null");
    JsonNode links =
        doc.at(
            "/paths/~1api~1v1~1conversations~1{conversationId}~1messages/post/responses/202/links");
    assertThat(links.toString())
        .contains("~1api~1v1~1sessions~1{sessionId}~1end")
        .contains("~1api~1v1~1sessions~1{sessionId}~1messages")
        .contains("$response.body#/sessionId");
  }

  @Test
  void theDocumentIsTheApiAndItsHeadersCarryTheirPatterns() {
    JsonNode paths = api.get("/v3/api-docs", null).expect(200).json().get("paths");
    List<String> names = new ArrayList<>();
    paths.fieldNames().forEachRemaining(names::add);
    assertThat(names).isNotEmpty().allMatch(p -> p.startsWith("/api/"));
    JsonNode end = paths.at("/~1api~1v1~1sessions~1{sessionId}~1end/post/parameters");
    assertThat(end.toString()).contains("Idempotency-Key").contains("^[\\\\x21-\\\\x7E]{1,200}$");
  }

  /**
   * The settings change's schema comes from SettingsChangeRequest's annotations. It offers null
   * exactly where null turns a timer off (elsewhere the service refuses it), and its enums are the
   * service's own lists.
   */
  @Test
  void theSettingsChangeSchemaOffersNullOnlyWhereItTurnsSomethingOff() {
    JsonNode change = settingsChange();
    List<String> nullable = new ArrayList<>();
    collectNullable("", change, nullable);
    assertThat(nullable)
        .containsExactlyInAnyOrder(
            "autoCloseAfter",
            "warnBeforeClose",
            "reopenWithin",
            "settlement.rules.*.group",
            "businessHours",
            "outOfHoursText",
            // a text of a locale that is null falls back to the broader language's
            "texts.*.warningText",
            "texts.*.endedText",
            "texts.*.csatQuestion",
            "texts.*.outOfHoursText",
            // what a channel turns off for its sessions
            "channels.*.autoCloseAfter",
            "channels.*.warnBeforeClose",
            "channels.*.businessHours",
            "channels.*.outOfHoursText");
    assertThat(change.at("/additionalProperties").asBoolean(true)).isFalse();
    JsonNode hours = change.at("/properties/businessHours/anyOf/0");
    assertThat(change.at("/properties/businessHours/anyOf/1/type").toString()).contains("null");
    assertThat(hours.at("/additionalProperties").asBoolean(true)).isFalse();
    assertThat(texts(hours.at("/required"))).containsExactlyInAnyOrder("timeZone", "periods");
    assertThat(texts(hours.at("/properties/periods/items/properties/days/items/enum")))
        .containsExactly("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    assertThat(change.at("/properties/widget/additionalProperties").asBoolean(true)).isFalse();
    assertThat(texts(change.at("/properties/settlement/properties/default/enum")))
        .isEqualTo(TicketStatus.SETTABLE);
    assertThat(
            texts(
                change.at(
                    "/properties/settlement/properties/rules/additionalProperties/properties"
                        + "/status/enum")))
        .isEqualTo(TicketStatus.SETTABLE);
    assertThat(texts(change.at("/properties/webhooks/items/properties/events/items/enum")))
        .isEqualTo(WebhookEvent.ALL);
  }

  private static void collectNullable(String at, JsonNode schema, List<String> nullable) {
    schema
        .path("properties")
        .properties()
        .forEach(
            p -> {
              String name = at.isEmpty() ? p.getKey() : at + "." + p.getKey();
              boolean nullAlternative = false;
              for (JsonNode alternative : p.getValue().path("anyOf")) {
                nullAlternative |= alternative.path("type").toString().contains("null");
                collectNullable(name, alternative, nullable);
              }
              if (nullAlternative || p.getValue().path("type").toString().contains("null")) {
                nullable.add(name);
              }
              collectNullable(name, p.getValue(), nullable);
              collectNullable(name + ".*", p.getValue().path("additionalProperties"), nullable);
              collectNullable(name + "[]", p.getValue().path("items"), nullable);
            });
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }

  /** The settings PUT's body schema, its references inlined. */
  private JsonNode settingsChange() {
    JsonNode doc = api.get("/v3/api-docs", null).expect(200).json();
    JsonNode schema =
        doc.at("/paths/~1api~1v1~1settings~1messaging/put/requestBody/content")
            .elements()
            .next()
            .get("schema");
    return inline(doc, schema);
  }

  private static JsonNode inline(JsonNode doc, JsonNode node) {
    if (node.has("$ref")) {
      return inline(doc, doc.at(node.get("$ref").asText().substring(1)));
    }
    if (!node.isContainerNode()) {
      return node;
    }
    JsonNode copy = node.deepCopy();
    if (copy instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      node.properties().forEach(e -> object.set(e.getKey(), inline(doc, e.getValue())));
    } else if (copy instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
      for (int k = 0; k < node.size(); k++) {
        array.set(k, inline(doc, node.get(k)));
      }
    }
    return copy;
  }

  /** The settings' durations: the server accepts exactly what the declared pattern matches. */
  @Test
  void aSettingsDurationIsAcceptedExactlyWhenItMatchesTheDeclaredPattern() {
    JsonNode change = settingsChange();
    String declared = change.at("/properties/inactiveAfter/pattern").asText();
    assertThat(declared).isNotEmpty();
    assertThat(change.at("/properties/csat/properties/expiresAfter/pattern").asText())
        .isEqualTo(declared);
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(declared);
    try {
      for (String value :
          List.of(
              "",
              "PT0S",
              "PT1S",
              "PT0.5S",
              "PT1.5S",
              "-PT1M",
              "pt30m",
              "PT30M",
              "PT1H30M",
              "P14D",
              "PT336H",
              "P1DT12H",
              "P364DT23H59M59S",
              "P365D",
              "P365DT1S",
              "P366D",
              "PT8760H",
              "PT8761H",
              "PT90M",
              "P1Y")) {
        int status =
            api.put(
                    "/api/v1/settings/messaging",
                    dev.sessionflow.worker.ApiClient.ADMIN,
                    "{\"inactiveAfter\":\"" + value + "\"}")
                .status();
        assertThat(status)
            .as("inactiveAfter %s", value)
            .isEqualTo(pattern.matcher(value).matches() ? 200 : 400);
      }
    } finally {
      restoreDefaultSettings();
    }
  }

  @Test
  void settingsTextsAndWebhookFieldsDeclareWhatTheServiceRefuses() {
    JsonNode change = settingsChange();
    for (String text : List.of("warningText", "endedNoticeText")) {
      assertThat(change.at("/properties/" + text + "/minLength").asInt()).isEqualTo(1);
      assertThat(change.at("/properties/" + text + "/pattern").asText()).isNotEmpty();
    }
    JsonNode hook = change.at("/properties/webhooks/items");
    assertThat(hook.at("/required").toString()).contains("url", "secret", "events");
    assertThat(hook.at("/properties/url/minLength").asInt()).isEqualTo(1);
    assertThat(hook.at("/properties/secret/pattern").asText()).startsWith("^whsec_");
    assertThat(change.at("/properties/csat/additionalProperties").asBoolean(true)).isFalse();
  }

  /**
   * The API refuses a query parameter given empty (400), so the document must say so: every query
   * parameter is an integer, an enum, or a string with a pattern or a minimum length. Found by
   * schemathesis: an empty {@code agentId} was schema-valid and refused.
   */
  @Test
  void noQueryParameterAcceptsAnEmptyValueInTheDocument() {
    JsonNode paths = api.get("/v3/api-docs", null).expect(200).json().get("paths");
    List<String> emptyAllowed = new ArrayList<>();
    paths
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation ->
                            operation
                                .getValue()
                                .path("parameters")
                                .forEach(
                                    parameter -> {
                                      JsonNode schema = parameter.path("schema");
                                      boolean refusesEmpty =
                                          !schema.path("type").asText().equals("string")
                                              || schema.has("enum")
                                              || schema.has("pattern")
                                              || schema.path("minLength").asInt() >= 1;
                                      if (parameter.path("in").asText().equals("query")
                                          && !refusesEmpty) {
                                        emptyAllowed.add(
                                            path.getKey() + " " + parameter.path("name").asText());
                                      }
                                    })));
    assertThat(emptyAllowed).isEmpty();
  }
}
