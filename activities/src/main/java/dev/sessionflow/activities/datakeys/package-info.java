/**
 * The sessions' data keys: each session's own AES key, under which Temporal holds what its end user
 * said and is called, stored wrapped under the payload key and made with the session (in its
 * opening transaction). An erasure deletes them ("crypto-shredding").
 */
package dev.sessionflow.activities.datakeys;
