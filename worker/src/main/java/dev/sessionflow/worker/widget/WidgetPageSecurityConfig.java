package dev.sessionflow.worker.widget;

import dev.sessionflow.worker.auth.SecurityConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The widget's public files: {@code widget.js}, which any page may load, and the chat frame with
 * its assets. No session and no cookie: the frame carries the visitor's token itself. The frame may
 * be framed, but only by the allowed origins ({@link WidgetFrame} sets its CSP {@code
 * frame-ancestors}); it sends no referrer.
 */
@Configuration(proxyBeanMethods = false)
class WidgetPageSecurityConfig {
  @Bean
  @Order(SecurityConfig.OPS + 6)
  SecurityFilterChain widgetPageSecurity(HttpSecurity http) throws Exception {
    return SecurityConfig.publicPages(http, "/widget.js", "/widget/**")
        .headers(
            h ->
                h.frameOptions(f -> f.disable())
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                    .addHeaderWriter(
                        (request, response) -> {
                          // Loaded by other sites' pages: widget.js, and the frame's own assets.
                          response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
                          response.setHeader("X-Robots-Tag", "noindex");
                        }))
        .build();
  }
}
