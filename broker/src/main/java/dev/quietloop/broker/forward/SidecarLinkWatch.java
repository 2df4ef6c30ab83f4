package dev.quietloop.broker.forward;

import dev.quietloop.broker.ring.BrokerCounters;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;
import org.zeromq.ZMonitor;

/**
 * Watches the forwarder's link to the sidecar, on JeroMQ's I/O thread (its event hook): counts
 * each drop of the link ({@code broker.sidecarDisconnects}) and the frames handed to the
 * connection that dropped ({@code broker.framesInFlightAtDisconnect}). A PULL sidecar acknowledges
 * nothing, so any frame sent on a connection that dropped may have gone with it, and a run that
 * had some cannot prove delivery. A sidecar restarted mid-run is seen this way.
 */
final class SidecarLinkWatch implements ZEvent.ZEventConsummer
{
    static final int EVENTS = ZMQ.EVENT_HANDSHAKE_PROTOCOL | ZMQ.EVENT_DISCONNECTED;

    private final BrokerCounters counters;
    /**
     * Frames forwarded when the last link dropped: with JeroMQ's immediate mode a send needs a
     * connection that finished its handshake, so every frame since then went on the link that drops
     * next. I/O thread only, as is {@link #linked}.
     */
    private long framesAtLastDrop;
    /**
     * A connection finished its handshake. A connection dropped before that (JeroMQ redials one stuck
     * in its handshake, see SocketSettings) carried nothing and is no drop of the link.
     */
    private boolean linked;
    private volatile boolean watching = true;

    SidecarLinkWatch(final BrokerCounters counters)
    {
        this.counters = counters;
    }

    /** The forwarder is closing its socket: a drop from here on is its own doing. */
    void stopWatching()
    {
        watching = false;
    }

    @Override
    public void consume(final ZEvent event)
    {
        final ZMonitor.Event type = event.getEvent();
        if (type == ZMonitor.Event.HANDSHAKE_PROTOCOL)
        {
            linked = true;
        }
        else if (type == ZMonitor.Event.DISCONNECTED && linked)
        {
            linked = false;
            final long forwarded = counters.framesForwarded().get();
            if (watching)
            {
                counters.sidecarDisconnects().incrementRelease();
                counters.framesInFlightAtDisconnect().getAndAddRelease(forwarded - framesAtLastDrop);
            }
            framesAtLastDrop = forwarded;
        }
    }
}
