package dev.sessionflow.worker.csat;

import dev.sessionflow.worker.auth.SecurityConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The survey page's chain: open to anyone (the token in the path is the credential), so no session
 * and no CSRF token (a forged post would need the token, which is the whole secret). The token must
 * not leak: no referrer, no cache, no framing, no indexing; no script runs on the page.
 */
@Configuration(proxyBeanMethods = false)
class SurveyPageSecurityConfig {
  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  @Bean
  @Order(SecurityConfig.OPS + 5)
  SecurityFilterChain surveyPageSecurity(HttpSecurity http) throws Exception {
    return SecurityConfig.publicPages(http, "/survey/**")
        .headers(
            h ->
                h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                    .addHeaderWriter(
                        (request, response) -> response.setHeader("X-Robots-Tag", "noindex")))
        .build();
  }
}
