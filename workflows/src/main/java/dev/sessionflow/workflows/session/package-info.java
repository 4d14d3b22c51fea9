/**
 * The {@code MessagingSession} workflow: the main loop, its parts and its version markers (see
 * docs/architecture.md), and the requests, signals and views of its interface.
 *
 * <p>The top of the module with {@code settings}: it uses {@code model}, the contracts in {@code
 * activities}, {@code automation} (it starts the triggers after an end) and {@code webhooks}.
 * Nothing below uses it.
 */
package dev.sessionflow.workflows.session;
