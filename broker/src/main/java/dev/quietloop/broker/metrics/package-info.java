/**
 * {@code /metrics}: the broker's Prometheus endpoint, serving every quietloop process's counters
 * and live hop latency on this host, read from their counters files on each scrape, never from a
 * hot path.
 */
package dev.quietloop.broker.metrics;
