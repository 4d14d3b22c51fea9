/**
 * The identity model against a real Keycloak (its server distribution from Maven Central, fetched
 * by {@code .ci/keycloak.sh}): the realm the operations guide describes, the workspace's
 * authorization-code sign-in and the API's access tokens, for each ticket access.
 */
package dev.sessionflow.worker.keycloak;
