/**
 * How a thread other than the trading thread waits when it has nothing to do: it blocks until a
 * producer rings its {@link dev.quietloop.protocol.wake.Doorbell} or its socket has a frame
 * ({@link dev.quietloop.protocol.wake.SocketWait}), instead of parking for a guessed time.
 */
package dev.quietloop.protocol.wake;
