/**
 * Request budgets on the API: per authenticated caller, and per client address where no caller is
 * (the public survey answer), after authentication.
 */
package dev.sessionflow.worker.ratelimit;
