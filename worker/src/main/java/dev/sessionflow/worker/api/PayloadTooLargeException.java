package dev.sessionflow.worker.api;

import java.io.IOException;

/** Thrown while reading a body without Content-Length once it passes the limit. */
class PayloadTooLargeException extends IOException {
  PayloadTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes");
  }
}
