package dev.sessionflow.worker.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses an API query parameter that is present but empty ({@code ?limit=}). Spring binds an empty
 * value as if the parameter were absent (its default, or null), so {@code @Min} and the cursor
 * patterns never see it and a typo'd page size would answer the default page. No filter, cursor or
 * size of this API has an empty value that means something.
 */
@Configuration(proxyBeanMethods = false)
class BlankQueryValues implements WebMvcConfigurer, HandlerInterceptor {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getQueryString() == null) {
      return true;
    }
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      for (String value : parameter.getValue()) {
        if (value.isEmpty()) { // as the document says (minLength 1): " " is a value
          throw ApiException.invalid(parameter.getKey(), "must not be empty when given");
        }
      }
    }
    return true;
  }
}
