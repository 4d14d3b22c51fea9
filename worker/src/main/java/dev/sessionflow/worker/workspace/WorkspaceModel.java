package dev.sessionflow.worker.workspace;

import dev.sessionflow.worker.auth.Role;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every workspace page's header shows: who is signed in, and whether they are an admin. */
@ControllerAdvice(basePackageClasses = WorkspaceModel.class)
class WorkspaceModel {
  private final WorkspaceCaller callers;

  WorkspaceModel(WorkspaceCaller callers) {
    this.callers = callers;
  }

  @ModelAttribute("me")
  String me(Authentication user) {
    return user == null ? null : callers.displayName(user);
  }

  @ModelAttribute("isAdmin")
  boolean isAdmin(Authentication user) {
    return user != null && callers.of(user).role() == Role.ADMIN;
  }
}
