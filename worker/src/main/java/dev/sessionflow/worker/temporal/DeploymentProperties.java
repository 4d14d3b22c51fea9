package dev.sessionflow.worker.temporal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Worker Versioning (opt-in): with a {@code buildId} ({@code SESSIONFLOW_DEPLOYMENT_BUILD_ID}),
 * this replica's workers poll as that version of the Worker Deployment {@code name}, and every
 * workflow they start stays pinned to the version it started on. Without one, workers are
 * unversioned, and every change to workflow code needs a version marker.
 *
 * @param name the Worker Deployment's name, shared by every replica of the service
 * @param buildId this build's id (for example the image tag or the git commit); null: unversioned
 * @param promote whether a replica makes its own version the current one at start-up
 */
@ConfigurationProperties("sessionflow.deployment")
public record DeploymentProperties(String name, String buildId, Promote promote) {

  /** When a replica makes its version the one new workflows start on. */
  public enum Promote {
    /** Only when the deployment has no current version yet (its first versioned start). */
    IF_NONE,
    /** Always: every start promotes (one replica, or a deploy that needs no drain window). */
    ALWAYS,
    /** Never: an operator promotes with {@code temporal worker deployment set-current-version}. */
    NEVER
  }

  public DeploymentProperties {
    name = name == null || name.isBlank() ? "sessionflow" : name;
    buildId = buildId == null || buildId.isBlank() ? null : buildId;
    promote = promote == null ? Promote.IF_NONE : promote;
  }

  public boolean versioned() {
    return buildId != null;
  }
}
