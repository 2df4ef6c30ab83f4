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
    static final int EVENTS = ZMQ.EVENT_DISCONNECTED;

    private final BrokerCounters counters;
    /**
     * Frames forwarded when the last connection dropped: with JeroMQ's immediate mode a send needs
     * a connection, so every frame since then went on the one that drops next. I/O thread only.
     */
    private long framesAtLastDrop;
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
        if (event.getEvent() == ZMonitor.Event.DISCONNECTED && watching)
        {
            final long forwarded = counters.framesForwarded().get();
            counters.sidecarDisconnects().incrementRelease();
            counters.framesInFlightAtDisconnect().getAndAddRelease(forwarded - framesAtLastDrop);
            framesAtLastDrop = forwarded;
        }
    }
}
