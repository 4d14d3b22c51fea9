/**
 * Erasing an end user on request: {@link dev.sessionflow.workflows.erasure.EndUserErasure}, a
 * durable workflow that ends the end user's running sessions (reason {@code ERASED}, no survey),
 * then erases their personal data from the store, so that a crash resumes it. Uses nothing else of
 * the module.
 */
package dev.sessionflow.workflows.erasure;
