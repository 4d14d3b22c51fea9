package dev.sessionflow.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Business hours through the API: saved and shown, refused field by field, an end user answered
 * while the team is closed, and a session's {@code warningAt} and {@code autoCloseAt} counted in
 * open time.
 */
class BusinessHoursApiTest extends ApiTestBase {
  static final String PATH = "/api/v1/settings/messaging";

  @AfterEach
  void restore() {
    restoreDefaultSettings();
  }

  /** Open only on the day after tomorrow (UTC), all day: closed now, whenever the test runs. */
  static LocalDate openDay() {
    return LocalDate.now(ZoneOffset.UTC).plusDays(2);
  }

  static String closedNow(String timersCount) {
    String day = openDay().getDayOfWeek().name().substring(0, 3);
    return """
        {"timersCount": "%s",
         "businessHours": {"timeZone": "UTC",
           "periods": [{"days": ["%s"], "from": "00:00", "to": "24:00"}],
           "holidays": ["2020-01-01"]},
         "outOfHoursText": "We are closed; we answer when we open."}
        """
        .formatted(timersCount, day);
  }

  @Test
  void savedHoursAreShownAsSent() {
    JsonNode saved = api.put(PATH, ApiClient.ADMIN, closedNow("BUSINESS_HOURS")).expect(200).json();

    assertThat(saved.get("timersCount").asText()).isEqualTo("BUSINESS_HOURS");
    assertThat(saved.at("/businessHours/timeZone").asText()).isEqualTo("UTC");
    assertThat(saved.at("/businessHours/periods/0/to").asText()).isEqualTo("24:00");
    assertThat(saved.at("/businessHours/holidays/0").asText()).isEqualTo("2020-01-01");
    assertThat(saved.get("outOfHoursText").asText()).startsWith("We are closed");
    assertThat(api.get(PATH, ApiClient.AGENT_1).expect(200).json().get("businessHours"))
        .isEqualTo(saved.get("businessHours"));

    JsonNode removed =
        api.put(PATH, ApiClient.ADMIN, "{\"timersCount\":\"CALENDAR\",\"businessHours\":null}")
            .expect(200)
            .json();
    assertThat(removed.get("businessHours").isNull()).isTrue();
    assertThat(removed.get("outOfHoursText").asText()).as("left out: kept").startsWith("We are");
  }

  @Test
  void badHoursAreRefusedNamingEachField() {
    assertThat(
            refusedFields(
                """
                {"timersCount": "BUSINESS_HOURS",
                 "businessHours": {"timeZone": "Mars/Olympus",
                   "periods": [{"days": ["MON", "FUN"], "from": "17:00", "to": "09:00"}],
                   "holidays": ["2026-13-01"]}}
                """))
        .containsExactlyInAnyOrder(
            "businessHours.timeZone",
            "businessHours.periods[0].days",
            "businessHours.periods[0].to",
            "businessHours.holidays[0]");
    assertThat(refusedFields("{\"timersCount\":\"WEEKLY\"}")).containsExactly("timersCount");
    assertThat(refusedFields("{\"timersCount\":\"BUSINESS_HOURS\"}"))
        .containsExactly("businessHours");
    assertThat(refusedFields("{\"businessHours\":{\"timeZone\":\"UTC\",\"periods\":[],\"x\":1}}"))
        .containsExactly("businessHours.x");
    assertThat(refusedFields("{\"outOfHoursText\":\" \"}")).containsExactly("outOfHoursText");
    assertThat(refusedFields("{\"timersCount\":null}")).containsExactly("timersCount");
  }

  @Test
  void anEndUserWritingWhileClosedIsToldOnce() {
    api.put(PATH, ApiClient.ADMIN, closedNow("CALENDAR")).expect(200);
    String conversation = newConversation();

    api.endUserSays(conversation, "m-1", "Hello?");
    api.endUserSays(conversation, "m-2", "Anyone there?");

    List<JsonNode> notices =
        StreamSupport.stream(api.transcript(conversation).spliterator(), false)
            .filter(m -> "OUT_OF_HOURS".equals(m.path("kind").asText()))
            .toList();
    assertThat(notices)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.get("author").asText()).isEqualTo("SYSTEM");
              assertThat(n.get("text").asText()).startsWith("We are closed");
            });
  }

  @Test
  void aSessionShowsItsDeadlinesCountedInOpenTime() {
    String conversation = newConversation();
    String sessionId = api.endUserSays(conversation, "m-1", "Hi").get("sessionId").asText();
    JsonNode waiting = api.session(sessionId);
    assertThat(waiting.get("autoCloseAt").isNull()).as("the end user wrote last").isTrue();
    assertThat(waiting.get("warningAt").isNull()).isTrue();

    api.agentSays(ApiClient.AGENT_1, sessionId, "a-1", "How can I help?");
    JsonNode calendar = api.session(sessionId);
    Instant close = Instant.parse(calendar.get("autoCloseAt").asText());
    Instant warning = Instant.parse(calendar.get("warningAt").asText());
    assertThat(Duration.between(warning, close)).isEqualTo(Duration.ofMinutes(2));
    assertThat(Duration.between(Instant.now(), close))
        .isBetween(Duration.ofMinutes(28), Duration.ofMinutes(30));

    api.put(PATH, ApiClient.ADMIN, closedNow("BUSINESS_HOURS")).expect(200);
    JsonNode counted = api.session(sessionId);
    Instant opening = openDay().atStartOfDay(ZoneOffset.UTC).toInstant();
    assertThat(counted.get("autoCloseAt").asText())
        .isEqualTo(opening.plus(Duration.ofMinutes(30)).toString());
    assertThat(counted.get("warningAt").asText())
        .isEqualTo(opening.plus(Duration.ofMinutes(28)).toString());
    assertThat(
            api.get("/api/v1/sessions?limit=100", ApiClient.ADMIN)
                .expect(200)
                .json()
                .get("sessions"))
        .anySatisfy(
            s -> {
              assertThat(s.get("sessionId").asText()).isEqualTo(sessionId);
              assertThat(s.get("autoCloseAt")).isEqualTo(counted.get("autoCloseAt"));
            });
  }

  private List<String> refusedFields(String body) {
    List<String> fields = new ArrayList<>();
    api.put(PATH, ApiClient.ADMIN, body)
        .expectProblem(400, "validation")
        .json()
        .get("errors")
        .fieldNames()
        .forEachRemaining(fields::add);
    return fields;
  }
}
