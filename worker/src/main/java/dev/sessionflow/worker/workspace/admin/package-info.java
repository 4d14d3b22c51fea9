/**
 * The admin's pages: messaging settings, business hours, macros and triggers, webhooks, web chat.
 */
package dev.sessionflow.worker.workspace.admin;
