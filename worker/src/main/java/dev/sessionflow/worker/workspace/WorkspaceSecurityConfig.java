package dev.sessionflow.worker.workspace;

import dev.sessionflow.worker.auth.IdentityMode;
import dev.sessionflow.worker.auth.SecurityConfig;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The browser's filter chain (cookie session, CSRF, sign-in page), beside the API's bearer-token
 * chain in {@link SecurityConfig}: each has its own paths, so neither captures the other's.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceSecurityConfig {
  static final String[] BROWSER_PATHS = {
    "/",
    "/inbox",
    "/inbox/**",
    "/conversations/**",
    "/admin/**",
    "/chat/**",
    "/login",
    "/logout",
    "/oauth2/**",
    "/login/oauth2/**",
    "/webjars/**",
    "/workspace/**"
  };

  /**
   * The workspace: signed-in agents and admins only (admin pages for admins), CSRF on every form
   * and htmx request. Sign-in with a development identity while the development tokens are
   * accepted; with OIDC when a client registration is configured (the API's issuer).
   */
  @Bean
  @Order(SecurityConfig.OPS + 10)
  SecurityFilterChain workspace(
      HttpSecurity http,
      IdentityMode mode,
      DevSignIn devSignIn,
      OidcCallers oidcCallers,
      ObjectProvider<ClientRegistrationRepository> oidc)
      throws Exception {
    // The end-user chat page is open to anyone, and exists only where the development tokens are.
    String[] open =
        mode.devTokens()
            ? new String[] {"/login", "/webjars/**", "/workspace/**", "/chat/**"}
            : new String[] {"/login", "/webjars/**", "/workspace/**"};
    http.securityMatcher(BROWSER_PATHS)
        .authorizeHttpRequests(
            a ->
                // A stream's async dispatch only ends a response its request was let into (a
                // stream that ends on sign-out must not be refused on a committed response).
                a.dispatcherTypeMatchers(DispatcherType.ASYNC)
                    .permitAll()
                    .requestMatchers(open)
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .hasAnyRole("ADMIN", "AGENT"))
        // Whatever sign-in is configured (or none), a browser without a session goes to /login.
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
    if (mode.devTokens()) {
      http.authenticationProvider(devSignIn)
          .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/inbox", true));
    }
    if (oidc.getIfAvailable() != null) {
      http.oauth2Login(
          login ->
              login
                  .loginPage("/login")
                  .defaultSuccessUrl("/inbox", true)
                  .userInfoEndpoint(u -> u.oidcUserService(oidcCallers)));
    }
    return http.build();
  }

  /** Scripts and styles from this origin only (htmx's inline indicator style is allowed). */
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'";
}
