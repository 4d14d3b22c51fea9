/**
 * The agent workspace: server-rendered pages (Thymeleaf, htmx) over the same services as the HTTP
 * API, with live fragments pushed over Server-Sent Events. Browser sign-in and CSRF live in {@link
 * dev.sessionflow.worker.workspace.WorkspaceSecurityConfig}; the signed-in user becomes the
 * services' {@link dev.sessionflow.worker.auth.Caller} in {@link
 * dev.sessionflow.worker.workspace.WorkspaceCaller} only.
 */
package dev.sessionflow.worker.workspace;
