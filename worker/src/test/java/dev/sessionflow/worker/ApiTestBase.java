package dev.sessionflow.worker;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole service on a random port: embedded Temporal (real time), embedded database. Each test
 * uses fresh conversation ids, so tests share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestBase {
  @LocalServerPort int port;
  protected ApiClient api;

  protected int port() {
    return port;
  }

  /** The service's root URL, for tests that need raw HTTP. */
  protected String base() {
    return "http://localhost:" + port;
  }

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  /** Every setting back to its default, for tests that change them. */
  protected static final String DEFAULT_SETTINGS =
      """
      {"agentsCanEndSessions": true, "inactiveAfter": "PT10M", "autoCloseAfter": "PT30M",
       "warnBeforeClose": "PT2M",
       "csat": {"sendWhenEndedBy": ["AGENT", "ADMIN"], "requireAgentReply": false,
                "minEndUserMessages": 0, "expiresAfter": "P14D", "question": "How did we do?",
                "scale": 5},
       "settlement": {"default": "SOLVED", "rules": {}}, "reopenWithin": null,
       "webhooks": [], "widget": {"allowedOrigins": []},
       "timersCount": "CALENDAR", "businessHours": null, "outOfHoursText": null, "texts": {},
       "channels": {}}
      """;

  protected void restoreDefaultSettings() {
    api.put("/api/v1/settings/messaging", ApiClient.ADMIN, DEFAULT_SETTINGS).expect(200);
  }

  protected static String newConversation() {
    return "c-" + UUID.randomUUID();
  }
}
