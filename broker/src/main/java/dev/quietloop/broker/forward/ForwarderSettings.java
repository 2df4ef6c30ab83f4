package dev.quietloop.broker.forward;

import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.wire.Endpoint;

/**
 * What the sidecar forwarder is told once, before it starts.
 *
 * @param sidecar            the sidecar to connect to
 * @param sockets            the PUSH socket's options
 * @param retryIdle          how to wait between refused sends; the forwarder makes a strategy of its own from it
 * @param highestTrackableNs the send-latency recorder's ceiling; longer sends are recorded at it
 */
public record ForwarderSettings(Endpoint sidecar, SocketSettings sockets, IdleChoice retryIdle, long highestTrackableNs)
{
}
