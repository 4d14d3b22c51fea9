package dev.sessionflow.worker.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Deny by default. The API chain ({@code /api/**}) takes bearer tokens: static API tokens (and the
 * development tokens where allowed), or JWTs from the configured OIDC provider; {@link
 * ApiAccessRules} says who may call what. The ops chain covers the actuator and the OpenAPI
 * document; a last chain denies whatever no other chain (such as a browser login's) claims.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
public class SecurityConfig {
  private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

  /** The order of the API chain; a browser chain goes after it and before {@link #LAST}. */
  public static final int API = 10;

  public static final int OPS = 20;
  public static final int LAST = Ordered.LOWEST_PRECEDENCE;

  @Bean
  IdentityMode identityMode(Environment env, AuthProperties auth) {
    IdentityMode mode = IdentityMode.of(env, auth);
    if (mode.devTokens()) {
      log.warn(
          "Accepting the development API tokens (dev-admin, dev-agent-1, dev-agent-2, "
              + "dev-channel): anyone can call this service. Never run it like this in production.");
    }
    return mode;
  }

  /**
   * No Spring Security observations: they wrap each of the chain's filters in an observation of its
   * own on every request (a tenth of the service's CPU on the message path). Each request's own
   * observation ({@code http.server.requests}: metrics, trace) stays.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  StaticTokens staticTokens(AuthProperties auth, IdentityMode mode) {
    return new StaticTokens(auth, mode.devTokens());
  }

  /** Access tokens from the OIDC provider (none accepted when no issuer or key is configured). */
  @Bean
  AccessTokenCallers accessTokenCallers(ObjectProvider<JwtDecoder> decoder, AuthProperties auth) {
    return new AccessTokenCallers(decoder.getIfAvailable(), auth);
  }

  /** A bearer token: a static token if it is one, else a JWT (when an issuer is configured). */
  @Bean
  AuthenticationManagerResolver<HttpServletRequest> bearerTokens(
      StaticTokens tokens, AccessTokenCallers jwts, VisitorCallers visitors) {
    JwtAuthenticationProvider jwtProvider = null;
    if (jwts.configured()) {
      jwtProvider = new JwtAuthenticationProvider(jwts.decoder());
      jwtProvider.setJwtAuthenticationConverter(jwts.claims());
    }
    JwtAuthenticationProvider jwt = jwtProvider;
    return request -> bearerToken(request, tokens, jwt, visitors);
  }

  private static AuthenticationManager bearerToken(
      HttpServletRequest request,
      StaticTokens tokens,
      JwtAuthenticationProvider jwt,
      VisitorCallers visitors) {
    return authentication -> {
      String token = ((BearerTokenAuthenticationToken) authentication).getToken();
      if (VisitorCallers.isVisitorToken(token)) {
        return visitors.authenticate(token, request);
      }
      var caller = tokens.resolve(token);
      if (caller.isPresent()) {
        return new CallerAuthentication(caller.get());
      }
      if (jwt == null) {
        throw new InvalidBearerTokenException("Unknown token");
      }
      return jwt.authenticate(authentication);
    };
  }

  @Bean
  @Order(API)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      AuthenticationManagerResolver<HttpServletRequest> bearerTokens,
      @Qualifier("requestMappingHandlerMapping") HandlerMapping handlers)
      throws Exception {
    ProblemAuthHandlers problems = new ProblemAuthHandlers();
    return stateless(http, bearerTokens, problems)
        .securityMatcher("/api/**")
        .authorizeHttpRequests(
            requests -> {
              for (ApiAccessRules.Rule rule : ApiAccessRules.RULES) {
                var endpoint = requests.requestMatchers(rule.method(), rule.pattern());
                if (rule.isPublic()) {
                  endpoint.permitAll();
                } else {
                  endpoint.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                }
              }
              requests.anyRequest().access(new UnruledEndpoints(handlers));
            })
        .build();
  }

  /**
   * The codec server: ADMIN only, by bearer token or JWT, or by the workspace sign-in of an admin
   * (which the Web UI sends when told to include cross-origin credentials). No CSRF token: encoding
   * and decoding change nothing, and only the origins in {@code SESSIONFLOW_CODEC_ALLOWED_ORIGINS}
   * may read an answer.
   */
  @Bean
  @Order(API + 1)
  SecurityFilterChain codecSecurity(
      HttpSecurity http,
      AuthenticationManagerResolver<HttpServletRequest> bearerTokens,
      Environment env)
      throws Exception {
    return stateless(http, bearerTokens, new ProblemAuthHandlers())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .securityMatcher("/codec/**")
        .cors(cors -> cors.configurationSource(CodecOrigins.of(env)))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.POST, "/codec/encode", "/codec/decode")
                    .hasRole(Role.ADMIN.name())
                    .anyRequest()
                    .denyAll())
        .build();
  }

  /**
   * Health is public; info and prometheus are public on a separate management port (or when {@code
   * sessionflow.auth.metrics-public} says so) and need ADMIN otherwise. The OpenAPI document and
   * Swagger UI are public where they are on ({@code prod} turns them off).
   */
  @Bean
  @Order(OPS)
  SecurityFilterChain opsSecurity(
      HttpSecurity http,
      AuthenticationManagerResolver<HttpServletRequest> bearerTokens,
      Environment env)
      throws Exception {
    boolean metricsPublic = metricsPublic(env);
    return stateless(http, bearerTokens, new ProblemAuthHandlers())
        .securityMatcher(
            "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
        .authorizeHttpRequests(
            requests -> {
              requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
              var metrics = requests.requestMatchers("/actuator/info", "/actuator/prometheus");
              if (metricsPublic) {
                metrics.permitAll();
              } else {
                metrics.hasRole(Role.ADMIN.name());
              }
              requests
                  .requestMatchers(
                      "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                  .permitAll();
              requests.anyRequest().denyAll();
            })
        .build();
  }

  static boolean metricsPublic(Environment env) {
    Boolean configured = env.getProperty("sessionflow.auth.metrics-public", Boolean.class);
    if (configured != null) {
      return configured;
    }
    String management = env.getProperty("management.server.port");
    return management != null
        && !Objects.equals(management, env.getProperty("server.port", "8080"));
  }

  /** Whatever no other chain claims (error dispatches aside) is denied. */
  @Bean
  @Order(LAST)
  SecurityFilterChain denyTheRest(
      HttpSecurity http, AuthenticationManagerResolver<HttpServletRequest> bearerTokens)
      throws Exception {
    return stateless(http, bearerTokens, new ProblemAuthHandlers())
        .authorizeHttpRequests(
            requests -> requests.requestMatchers("/error").permitAll().anyRequest().denyAll())
        .build();
  }

  /**
   * A chain open to anyone for pages that carry their own credential (a token in the path or the
   * request): no session, no CSRF token (a forged request would need that credential), no saved
   * request.
   */
  public static HttpSecurity publicPages(HttpSecurity http, String... paths) throws Exception {
    return http.securityMatcher(paths)
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .authorizeHttpRequests(a -> a.anyRequest().permitAll());
  }

  private static HttpSecurity stateless(
      HttpSecurity http,
      AuthenticationManagerResolver<HttpServletRequest> bearerTokens,
      ProblemAuthHandlers problems)
      throws Exception {
    return http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .oauth2ResourceServer(
            rs ->
                rs.authenticationManagerResolver(bearerTokens)
                    .authenticationEntryPoint(problems)
                    // A credential store that is down is a 503 problem, not a rethrown 500.
                    .withObjectPostProcessor(
                        new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                          @Override
                          public <O extends BearerTokenAuthenticationFilter> O postProcess(
                              O filter) {
                            filter.setAuthenticationFailureHandler(problems::commence);
                            return filter;
                          }
                        }))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
  }
}
