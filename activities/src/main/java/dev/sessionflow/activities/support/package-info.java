/**
 * What every store shares: transactions retried after a lost race, ids, times in and out of JDBC,
 * field limits, input errors. The bottom of the module: it uses no other package.
 */
package dev.sessionflow.activities.support;
