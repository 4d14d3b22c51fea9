package dev.sessionflow.worker.workspace;

import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.IdentityMode;
import dev.sessionflow.worker.auth.StaticTokens;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Development sign-in: the sign-in form names one of the development identities (the README's dev
 * tokens) and nothing else is asked. Used only while those tokens are accepted; the prod profile
 * turns them off.
 */
@Component
class DevSignIn implements AuthenticationProvider {
  /** The identities the sign-in page offers: agents and the admin (the channel is no person). */
  static final List<String> IDENTITIES = List.of("dev-agent-1", "dev-agent-2", "dev-admin");

  private final StaticTokens tokens;
  private final boolean enabled;

  DevSignIn(StaticTokens tokens, IdentityMode mode) {
    this.tokens = tokens;
    this.enabled = mode.devTokens();
  }

  @Override
  public Authentication authenticate(Authentication request) {
    String identity = request.getName();
    if (!enabled) {
      throw new BadCredentialsException("Development sign-in is off");
    }
    Caller caller =
        tokens
            .resolve(identity)
            .filter(c -> IDENTITIES.contains(identity))
            .orElseThrow(() -> new BadCredentialsException("Not a development identity"));
    return UsernamePasswordAuthenticationToken.authenticated(
        identity, null, List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
