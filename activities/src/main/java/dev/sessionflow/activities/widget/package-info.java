/**
 * The web chat widget's records: the keys customers sign verified visitors with, the visitors (one
 * browser's or one verified person's credential for one conversation), and the conversation each
 * verified person keeps.
 */
package dev.sessionflow.activities.widget;
