package dev.sessionflow.workflows.session;

/**
 * A request to end a session.
 *
 * @param agentId the agent asking, for {@link EndedBy#AGENT}; null otherwise
 * @param reason free-form end reason, e.g. RESOLVED; null means the default for who ends it
 * @param sendCsat overrides whether a survey is sent; null leaves it to the policy
 */
public record EndRequest(EndedBy endedBy, String agentId, String reason, Boolean sendCsat) {}
