package dev.quietloop.sidecar.receive;

import java.util.concurrent.TimeUnit;

import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.wire.Endpoint;

/**
 * What the receive loop is told before it starts, and copies into final fields of its own.
 *
 * @param bind    where to bind PULL; port 0 picks a free one
 * @param sockets the socket options, and the largest frame accepted
 * @param drainNs how long a stop may keep reading at most
 * @param quietNs how long without a frame ends a stop's drain before every stream has ended
 */
public record ReceiverSettings(Endpoint bind, SocketSettings sockets, long drainNs, long quietNs)
{
    /** While draining, the socket counts as empty once nothing has arrived for this long. */
    public static final long QUIET_NS = TimeUnit.MILLISECONDS.toNanos(200);

    /** With the default quiet, {@link #QUIET_NS}. */
    public static ReceiverSettings of(final Endpoint bind, final SocketSettings sockets, final long drainNs)
    {
        return new ReceiverSettings(bind, sockets, drainNs, QUIET_NS);
    }
}
