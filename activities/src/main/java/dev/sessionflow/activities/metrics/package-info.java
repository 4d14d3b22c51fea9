/**
 * The service's own counters, counted once where a store first knows a fact. It uses no other
 * package of the module.
 */
package dev.sessionflow.activities.metrics;
