package dev.sessionflow.worker.erasure;

/**
 * The answer to an erasure request.
 *
 * @param erasureId the erasure's workflow id ({@code erasure-<SHA-256 of the end user id>}), as ops
 *     find it with {@code temporal workflow describe}
 */
public record ErasureAccepted(String erasureId) {}
