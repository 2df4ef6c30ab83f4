/**
 * The broker's reports: the send-latency interval log written every second, and at the end the
 * percentile distribution, the counters, the merged run summary and the {@code latest} link.
 */
package dev.quietloop.broker.report;
