/**
 * The contracts of the session workflow's side effects: the activity interfaces the activities
 * module implements and the records they carry, plus {@link Retries}, the retry policy every
 * workflow uses. It uses only {@code model}. The other workflows keep their own contracts beside
 * them ({@code automation.AutomationActivities}, {@code webhooks}, {@code settings}).
 */
package dev.sessionflow.workflows.activities;
