/**
 * Launching the other processes as children of the broker: the java command line, their output
 * forwarded with a prefix, readiness awaited instead of slept on, and a bounded stop.
 */
package dev.quietloop.broker.launch;
