/**
 * The receive loop: the agent that owns the PULL socket, decodes and counts frames, and the
 * fault injection (delay, stall, exit) that makes it behave like a slow or dying sidecar.
 */
package dev.quietloop.sidecar.receive;
