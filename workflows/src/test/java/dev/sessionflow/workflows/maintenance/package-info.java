/** Tests over the maintenance workflows together: the retention pass and the erasure. */
package dev.sessionflow.workflows.maintenance;
