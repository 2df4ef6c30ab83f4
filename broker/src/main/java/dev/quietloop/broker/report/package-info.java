/**
 * The broker's reports: the send-latency interval log written every second, and at the end the
 * percentile distribution, the counters, the merged run summary (JSON and a table), the
 * {@code latest} link; and bin/report.sh, which prints or compares finished runs.
 */
package dev.quietloop.broker.report;
