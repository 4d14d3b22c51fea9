package dev.sessionflow.worker.workspace;

import dev.sessionflow.worker.auth.IdentityMode;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: development identities in dev mode, the OIDC providers when configured. */
@Controller
class SignInController {
  private final IdentityMode mode;
  private final ObjectProvider<InMemoryClientRegistrationRepository> oidc;

  SignInController(IdentityMode mode, ObjectProvider<InMemoryClientRegistrationRepository> oidc) {
    this.mode = mode;
    this.oidc = oidc;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/inbox";
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("identities", mode.devTokens() ? DevSignIn.IDENTITIES : List.of());
    List<ClientRegistration> providers = new java.util.ArrayList<>();
    InMemoryClientRegistrationRepository registrations = oidc.getIfAvailable();
    if (registrations != null) {
      registrations.forEach(providers::add);
    }
    model.addAttribute("providers", providers);
    return "workspace/login";
  }
}
