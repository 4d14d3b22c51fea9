package dev.sessionflow.workflows.activities;

/**
 * What {@link CsatActivities#inviteAndSettle} did: the survey it sent (null when none went out,
 * e.g. the session was reopened meanwhile) and the settlement's outcome.
 */
public record InvitedAndSettled(SurveyInvitation invitation, SettleOutcome outcome) {}
