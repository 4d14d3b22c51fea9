/** One session as the agent works on it: transcript, composer, ticket panel, end, macros. */
package dev.sessionflow.worker.workspace.conversation;
