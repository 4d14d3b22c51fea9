package dev.sessionflow.workflows.model;

/**
 * A value that holds ids and states only, never what an end user said or is called: in a session's
 * history it is encrypted under the payload key, not the session's data key, so it stays readable
 * after an erasure and to clients without the store's data keys (the benchmark's, ops' scripts).
 * Everything else a session's history holds is under its data key.
 */
public interface NoPersonalData {}
