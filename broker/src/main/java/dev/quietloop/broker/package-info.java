/**
 * The broker process: its command line and configuration, and the coordinator that sequences
 * start-up, the end of a run, the drain, the reports and the shutdown of what it launched.
 */
package dev.quietloop.broker;
