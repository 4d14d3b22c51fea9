/** The admin's pages: messaging settings, macros and triggers, webhooks. */
package dev.sessionflow.worker.workspace.admin;
