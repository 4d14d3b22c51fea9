/**
 * The benchmark: the service and a bare Temporal workflow driven side by side on a real dev server,
 * each figure a ratio against its baseline of the same run. Never a dependency of the product.
 */
package dev.sessionflow.bench;
