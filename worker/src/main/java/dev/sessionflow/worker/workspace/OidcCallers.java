package dev.sessionflow.worker.workspace;

import dev.sessionflow.worker.auth.AccessTokenCallers;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.Role;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * A person signing in to the workspace through OIDC becomes the same {@link Caller} the API makes
 * of their access token: the sign-in's access token goes through the API's decoder and claims
 * mapping, so role, agent id, groups and ticket access are one model in both. A token the API would
 * refuse (another audience, no role, a channel) refuses the sign-in.
 */
@Component
class OidcCallers implements OAuth2UserService<OidcUserRequest, OidcUser> {
  private final OidcUserService users = new OidcUserService();
  private final AccessTokenCallers accessTokens;

  OidcCallers(AccessTokenCallers accessTokens) {
    this.accessTokens = accessTokens;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = users.loadUser(request);
    Caller caller;
    try {
      caller = accessTokens.caller(request.getAccessToken().getTokenValue());
    } catch (JwtException | InvalidBearerTokenException refused) {
      throw refusal("The access token does not make a sessionflow user: " + refused.getMessage());
    }
    if (caller.role() == Role.CHANNEL) {
      throw refusal("A channel does not sign in to the workspace");
    }
    return new SignedIn(user, caller);
  }

  private static OAuth2AuthenticationException refusal(String why) {
    return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
  }

  /** An OIDC user with the caller their access token made, and that caller's role. */
  static final class SignedIn extends DefaultOidcUser {
    private final Caller caller;

    SignedIn(OidcUser user, Caller caller) {
      super(
          List.of(new SimpleGrantedAuthority(caller.authority())),
          user.getIdToken(),
          user.getUserInfo());
      this.caller = caller;
    }

    Caller caller() {
      return caller;
    }
  }
}
