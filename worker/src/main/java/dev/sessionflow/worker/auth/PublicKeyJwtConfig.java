package dev.sessionflow.worker.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Air-gapped JWT validation: a configured public key ({@code
 * spring.security.oauth2.resourceserver.jwt.public-key-location}), with the issuer ({@code
 * issuer-uri}) and audiences checked when set, and no call to the issuer (Spring Boot's own decoder
 * would fetch the issuer's discovery document once {@code issuer-uri} is set).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.public-key-location")
class PublicKeyJwtConfig {

  @Bean
  JwtDecoder publicKeyJwtDecoder(OAuth2ResourceServerProperties properties)
      throws IOException, GeneralSecurityException {
    OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withPublicKey(readKey(jwt.getPublicKeyLocation())).build();
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(JwtValidators.createDefault());
    if (jwt.getIssuerUri() != null && !jwt.getIssuerUri().isBlank()) {
      validators.add(new JwtIssuerValidator(jwt.getIssuerUri()));
    }
    if (!jwt.getAudiences().isEmpty()) {
      List<String> audiences = jwt.getAudiences();
      validators.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
    }
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    return decoder;
  }

  private static RSAPublicKey readKey(Resource location)
      throws IOException, GeneralSecurityException {
    try (InputStream in = location.getInputStream()) {
      String pem =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("-----BEGIN PUBLIC KEY-----", "")
              .replace("-----END PUBLIC KEY-----", "")
              .replaceAll("\\s", "");
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
  }
}
