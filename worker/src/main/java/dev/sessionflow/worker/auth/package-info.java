/**
 * Who is calling: static API tokens, development tokens where allowed, and JWTs of an OIDC
 * provider, all made into one Caller with a role, groups and ticket access; deny by default.
 */
package dev.sessionflow.worker.auth;
