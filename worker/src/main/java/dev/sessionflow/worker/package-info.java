/**
 * The service: a Spring Boot application that registers the Temporal workers and serves the HTTP
 * API and the agent workspace. One package per feature below.
 */
package dev.sessionflow.worker;
