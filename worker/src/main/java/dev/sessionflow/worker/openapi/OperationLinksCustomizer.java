package dev.sessionflow.worker.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * OpenAPI links between operations: what a response names (the session and ticket an end-user
 * message opened, a macro or trigger just created) is what the next call takes, so that clients and
 * stateful testers can open, message and end sessions.
 */
@Component
class OperationLinksCustomizer implements OpenApiCustomizer {
  private static final String CONVERSATION_MESSAGES =
      "/api/v1/conversations/{conversationId}/messages";
  private static final String SESSION = "/api/v1/sessions/{sessionId}";
  private static final String TICKET = "/api/v1/tickets/{ticketId}";
  private static final String MACRO = "/api/v1/macros/{macroId}";
  private static final String TRIGGER = "/api/v1/triggers/{triggerId}";

  private record Target(String path, PathItem.HttpMethod method, Map<String, String> parameters) {}

  @Override
  public void customise(OpenAPI openApi) {
    link(
        openApi,
        CONVERSATION_MESSAGES,
        PathItem.HttpMethod.POST,
        "202",
        List.of(
            new Target(SESSION + "/messages", PathItem.HttpMethod.POST, sessionId()),
            new Target(SESSION + "/end", PathItem.HttpMethod.POST, sessionId()),
            new Target(SESSION, PathItem.HttpMethod.GET, sessionId()),
            new Target(TICKET, PathItem.HttpMethod.GET, ticketId()),
            new Target(TICKET, PathItem.HttpMethod.PATCH, ticketId()),
            new Target(
                CONVERSATION_MESSAGES,
                PathItem.HttpMethod.GET,
                Map.of("conversationId", "$request.path.conversationId"))));
    created(openApi, "/api/v1/macros", MACRO, "macroId");
    created(openApi, "/api/v1/triggers", TRIGGER, "triggerId");
  }

  private static Map<String, String> sessionId() {
    return Map.of("sessionId", "$response.body#/sessionId");
  }

  private static Map<String, String> ticketId() {
    return Map.of("ticketId", "$response.body#/ticketId");
  }

  private static void created(OpenAPI openApi, String collection, String item, String id) {
    Map<String, String> parameters = Map.of(id, "$response.body#/" + id);
    link(
        openApi,
        collection,
        PathItem.HttpMethod.POST,
        "201",
        List.of(
            new Target(item, PathItem.HttpMethod.GET, parameters),
            new Target(item, PathItem.HttpMethod.PUT, parameters),
            new Target(item, PathItem.HttpMethod.DELETE, parameters)));
  }

  private static void link(
      OpenAPI openApi,
      String path,
      PathItem.HttpMethod method,
      String status,
      List<Target> targets) {
    Operation source = operation(openApi, path, method);
    if (source == null || source.getResponses() == null) {
      return;
    }
    ApiResponse response = source.getResponses().get(status);
    if (response == null) {
      return;
    }
    for (Target target : targets) {
      if (operation(openApi, target.path(), target.method()) != null) {
        String ref =
            "#/paths/"
                + target.path().replace("~", "~0").replace("/", "~1")
                + "/"
                + target.method().name().toLowerCase(Locale.ROOT);
        Link link = new Link().operationRef(ref);
        target.parameters().forEach(link::parameters);
        response.link(
            target.method().name().toLowerCase(Locale.ROOT)
                + target.path().replaceAll("[^A-Za-z0-9]+", "_"),
            link);
      }
    }
  }

  private static Operation operation(OpenAPI openApi, String path, PathItem.HttpMethod method) {
    PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
    return item == null ? null : item.readOperationsMap().get(method);
  }
}
