/**
 * The OpenAPI document as the contract: its info and security, the problem responses every
 * operation can meet, the constraints and links the controllers' types do not carry by themselves.
 */
package dev.sessionflow.worker.openapi;
