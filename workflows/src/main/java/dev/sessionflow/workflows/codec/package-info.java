/**
 * How every payload the service hands Temporal is encrypted: {@link
 * dev.sessionflow.workflows.codec.PayloadEncryption}, an AES-GCM payload codec under a ring of
 * named keys ({@link dev.sessionflow.workflows.codec.PayloadKeys}), and {@link
 * dev.sessionflow.workflows.codec.EncryptedDataConverter}, the data converter every client and
 * worker of the sessions uses (failures included). A session's own payloads go under its data key
 * ({@link dev.sessionflow.workflows.codec.DataKeys}, wrapped at rest by {@link
 * dev.sessionflow.workflows.codec.DataKeyWrap}), which an erasure destroys. A contract, like the
 * workflow interfaces: the service, its codec server and the benchmark's clients must agree on it.
 * Not workflow code.
 */
package dev.sessionflow.workflows.codec;
