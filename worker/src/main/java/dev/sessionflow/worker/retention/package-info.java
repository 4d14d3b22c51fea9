/**
 * Retention for admins: the setting, what a pass would purge now (a dry run), the record of past
 * passes ({@code /api/v1/retention}), and the hourly schedule that runs the passes.
 */
package dev.sessionflow.worker.retention;
