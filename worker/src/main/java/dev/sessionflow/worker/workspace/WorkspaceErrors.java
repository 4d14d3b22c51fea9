package dev.sessionflow.worker.workspace;

import dev.sessionflow.worker.api.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/** A service's refusal (no such session, a bad id) as a page, not as the API's problem JSON. */
public final class WorkspaceErrors {
  private WorkspaceErrors() {}

  public static String page(ApiException e, HttpServletResponse response, Model model) {
    response.setStatus(e.type().status().value());
    model.addAttribute("title", e.type().title());
    model.addAttribute("detail", e.getMessage());
    return "workspace/error";
  }
}
