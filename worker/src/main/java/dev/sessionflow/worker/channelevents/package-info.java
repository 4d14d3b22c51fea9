/**
 * Channel events: each stored message wakes its conversation's lane to every webhook that wants
 * {@code message.created} or {@code session.started} (a {@code ChannelLane} workflow, which reads
 * the store and delivers in sequence order).
 */
package dev.sessionflow.worker.channelevents;
