package dev.sessionflow.worker.openapi;

import dev.sessionflow.worker.auth.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs (browsable at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  static {
    // The caller comes from the bearer token, not from the request.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  OpenAPI sessionflowOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("sessionflow API")
                .version("v1")
                .description(
                    "End customer-support messaging sessions well. Errors are "
                        + "application/problem+json; the type URI ends in a stable slug."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
