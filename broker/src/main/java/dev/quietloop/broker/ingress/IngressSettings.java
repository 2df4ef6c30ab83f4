package dev.quietloop.broker.ingress;

import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.wire.Endpoint;

/**
 * What the ingest receiver is told once, before it starts.
 *
 * @param endpoint     where it binds (a port left to the system included)
 * @param sockets      the ROUTER's options
 * @param stampReceipt stamp each frame with the time it came off the socket, for {@code brokerDwell}
 * @param onlySource   the first source whose frames it takes, or {@link IngressReceiver#ANY_SOURCE}: a broker
 *                     that launched its bots knows whose frames are real, so nobody else who reaches the port
 *                     can feed its account (counted as {@code broker.rejectedUnknownSource})
 * @param sourceCount  how many source ids from {@code onlySource} on it takes: the bots it launched
 * @param botTimeoutNs a bot silent this long without an end of stream is lost; and until then, its
 *                     source id is its own: another bot's frames that claim it are refused
 */
public record IngressSettings(
    Endpoint endpoint, SocketSettings sockets, boolean stampReceipt, int onlySource, int sourceCount, long botTimeoutNs)
{
    /** Five seconds: five of a bot's heartbeats. */
    public static final long BOT_TIMEOUT_NS_DEFAULT = 5_000_000_000L;

    /** One source (or any), with the default bot timeout. */
    public IngressSettings(final Endpoint endpoint, final SocketSettings sockets, final boolean stampReceipt, final int onlySource)
    {
        this(endpoint, sockets, stampReceipt, onlySource, 1, BOT_TIMEOUT_NS_DEFAULT);
    }
}
