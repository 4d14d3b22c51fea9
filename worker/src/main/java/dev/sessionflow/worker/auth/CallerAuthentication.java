package dev.sessionflow.worker.auth;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link Caller}, whatever proved it (static token, JWT, browser login). */
public final class CallerAuthentication extends AbstractAuthenticationToken {
  private final Caller caller;

  public CallerAuthentication(Caller caller) {
    super(List.of(new SimpleGrantedAuthority(caller.authority())));
    this.caller = caller;
    setAuthenticated(true);
  }

  @Override
  public Caller getPrincipal() {
    return caller;
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public String getName() {
    return caller.getName();
  }
}
