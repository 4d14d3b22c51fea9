package dev.sessionflow.worker.observability;

import dev.sessionflow.workflows.session.MessagingSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The session's and ticket's ids of an API request's path in the MDC while it is handled. */
@Configuration(proxyBeanMethods = false)
class RequestLogContext implements WebMvcConfigurer, HandlerInterceptor {
  private static final String CONTEXT = RequestLogContext.class.getName();

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
        instanceof Map<?, ?> variables) {
      String sessionId = string(variables.get(LogContext.SESSION_ID));
      LogContext log =
          LogContext.open()
              .put(LogContext.SESSION_ID, sessionId)
              .put(LogContext.TICKET_ID, string(variables.get(LogContext.TICKET_ID)));
      if (sessionId != null) {
        log.put(LogContext.WORKFLOW_ID, MessagingSession.workflowId(sessionId));
      }
      request.setAttribute(CONTEXT, log);
    }
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (request.getAttribute(CONTEXT) instanceof LogContext log) {
      log.close();
    }
  }

  private static String string(Object value) {
    return value instanceof String s ? s : null;
  }
}
