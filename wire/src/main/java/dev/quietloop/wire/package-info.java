/**
 * What travels between quietloop's processes: the event types, the batched frame format and its
 * Chronicle codec, and the endpoint, socket and idle-strategy configuration every process shares.
 */
package dev.quietloop.wire;
