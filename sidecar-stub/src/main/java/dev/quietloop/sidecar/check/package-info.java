/**
 * Sequence checking per (source, epoch) stream: gaps, duplicates and ends of stream, kept in
 * counters without allocating except when a new stream is first seen.
 */
package dev.quietloop.sidecar.check;
