/**
 * Survey answers: the public endpoint where an end user rates a session with the token of their
 * link.
 */
package dev.sessionflow.worker.csat;
