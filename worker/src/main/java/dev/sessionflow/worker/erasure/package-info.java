/**
 * Erasing an end user on request: {@code DELETE /api/v1/end-users/{endUserId}} starts the durable
 * {@code EndUserErasure} workflow, whose activities end the end user's running sessions through the
 * sessions' own end path and erase the store's copy of their data.
 */
package dev.sessionflow.worker.erasure;
