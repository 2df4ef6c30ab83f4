/**
 * Latency per hop: a recorder each hop's one thread writes, and the percentiles and HdrHistogram
 * log files it leaves at the end of a run.
 */
package dev.quietloop.protocol.latency;
