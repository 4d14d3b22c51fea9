package dev.sessionflow.worker.openapi;

import dev.sessionflow.worker.api.ProblemType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Declares on every operation the problems any request can meet (bad input, authentication, scope,
 * rate limit, an unavailable dependency; body size and media type where there is a body), with the
 * problem+json schema, without repeating them on each controller.
 */
@Component
class ProblemResponsesCustomizer implements OpenApiCustomizer {
  static final String PROBLEM = "Problem";

  private static final List<ProblemType> EVERY_OPERATION =
      List.of(
          ProblemType.VALIDATION,
          ProblemType.UNAUTHORIZED,
          ProblemType.FORBIDDEN,
          ProblemType.NOT_FOUND,
          ProblemType.RATE_LIMITED,
          ProblemType.UNAVAILABLE);

  private static final List<ProblemType> WITH_A_BODY =
      List.of(ProblemType.PAYLOAD_TOO_LARGE, ProblemType.UNSUPPORTED_MEDIA_TYPE);

  @Override
  public void customise(OpenAPI openApi) {
    openApi.getComponents().addSchemas(PROBLEM, problemSchema());
    openApi
        .getPaths()
        .values()
        .forEach(path -> path.readOperations().forEach(ProblemResponsesCustomizer::declare));
  }

  private static void declare(Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    EVERY_OPERATION.forEach(type -> declare(operation.getResponses(), type));
    if (operation.getRequestBody() != null) {
      WITH_A_BODY.forEach(type -> declare(operation.getResponses(), type));
    }
    problemContent(operation.getResponses());
  }

  private static void declare(ApiResponses responses, ProblemType type) {
    String status = Integer.toString(type.status().value());
    if (responses.get(status) == null) {
      responses.addApiResponse(status, new ApiResponse().description(type.title()));
    }
  }

  /** Every error response, the common ones and those a controller declares, is problem+json. */
  private static void problemContent(ApiResponses responses) {
    responses.forEach(
        (status, response) -> {
          if (status.matches("[45]\\d\\d")) {
            response.setContent(
                new Content()
                    .addMediaType(
                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
          }
        });
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details; clients switch on the slug ending type")
        .addProperty("type", new StringSchema().format("uri"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400)))
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty("errors", new MapSchema().additionalProperties(new StringSchema()))
        .required(List.of("type", "title", "status"));
  }
}
