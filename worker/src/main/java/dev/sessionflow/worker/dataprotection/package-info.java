/**
 * Data protection: every payload the service hands Temporal is encrypted under the payload keys
 * ({@link dev.sessionflow.worker.dataprotection.PayloadKeysConfig}), and the service is the codec
 * server that lets admins read them in the Web UI and the CLI ({@link
 * dev.sessionflow.worker.dataprotection.CodecController}).
 */
package dev.sessionflow.worker.dataprotection;
