/**
 * The Temporal CLI's dev server as the real-server tests (workflows, worker) and the benchmark
 * start it: one lookup of the CLI and one command line, so the three cannot drift. Test and bench
 * scope only: the service never starts a server.
 */
package dev.sessionflow.devserver;
