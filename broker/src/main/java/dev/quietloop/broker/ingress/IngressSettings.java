package dev.quietloop.broker.ingress;

import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.wire.Endpoint;

/**
 * What the ingest receiver is told once, before it starts.
 *
 * @param endpoint     where it binds (a port left to the system included)
 * @param sockets      the ROUTER's options
 * @param stampReceipt stamp each frame with the time it came off the socket, for {@code brokerDwell}
 * @param onlySource   the one source whose frames it takes, or {@link IngressReceiver#ANY_SOURCE}: a broker
 *                     that launched its bot knows whose frames are real, so nobody else who reaches the port
 *                     can feed its account (counted as {@code broker.rejectedUnknownSource})
 */
public record IngressSettings(Endpoint endpoint, SocketSettings sockets, boolean stampReceipt, int onlySource)
{
}
