/**
 * Configuration every process shares: ZeroMQ endpoints and socket options, and idle strategies,
 * each parsed and validated once at start-up with a message that names the problem.
 */
package dev.quietloop.protocol.config;
