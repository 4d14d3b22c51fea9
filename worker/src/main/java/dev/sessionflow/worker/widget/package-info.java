/**
 * The web chat widget: {@code widget.js} on a customer's page, the chat frame it opens, the
 * visitors who write from it (anonymous, or verified with a JWT the customer's backend signs), the
 * keys those JWTs are signed with, and the origins allowed to start visitors.
 */
package dev.sessionflow.worker.widget;
