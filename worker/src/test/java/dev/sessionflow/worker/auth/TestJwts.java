package dev.sessionflow.worker.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/** JWTs signed with a key the test generates, as an OIDC provider would issue them. */
final class TestJwts {
  static final String ISSUER = "https://login.example.test/realms/support";
  static final String AUDIENCE = "sessionflow";

  private final KeyPair keys;
  private final Path publicKey;

  TestJwts() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.keys = generator.generateKeyPair();
      this.publicKey = Files.createTempFile("sessionflow-test-key", ".pem");
      Files.writeString(
          publicKey,
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n");
      publicKey.toFile().deleteOnExit();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The public key's location, for spring.security.oauth2.resourceserver.jwt.public-key-location.
   */
  String publicKeyLocation() {
    return publicKey.toUri().toString();
  }

  /** A token valid for ten minutes, with these claims on top of iss, aud, sub, iat and exp. */
  String sign(String subject, Map<String, Object> claims) {
    return sign(subject, claims, ISSUER, AUDIENCE, Instant.now().plusSeconds(600));
  }

  /** A token that never expires: no {@code exp} claim at all. */
  String signWithoutExpiry(String subject, Map<String, Object> claims) {
    return sign(subject, claims, ISSUER, AUDIENCE, null);
  }

  String sign(
      String subject, Map<String, Object> claims, String issuer, String audience, Instant expires) {
    Instant issued = expires == null ? Instant.now() : expires.minusSeconds(900);
    JWTClaimsSet.Builder set =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issuer(issuer)
            .audience(audience)
            .issueTime(Date.from(issued))
            .expirationTime(expires == null ? null : Date.from(expires));
    claims.forEach(set::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
    try {
      jwt.sign(new RSASSASigner(keys.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
