package dev.quietloop.bot.send;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketSettings;
import org.agrona.concurrent.status.AtomicCounter;
import org.zeromq.ZMQ;
import org.zeromq.ZMonitor;

/**
 * Connects the bot's PUSH socket, watches its link to the broker for the rest of the run, and
 * waits, for a bounded time, until the ZMTP handshake completes, so the replay starts on a live
 * link. A fresh JeroMQ 0.6.0 connection now and then sits unregistered from its selector until the
 * handshake interval redials it (see {@link SocketSettings}); a replay that started meanwhile
 * would find no peer: the ring would hold its first second of events, and the naive baseline's
 * trading thread would block on it.
 * <p>
 * The wait happens once, before the trading thread starts, on the thread that owns the socket. A
 * broker that is not there costs the bound, and the run goes on without the link. A broker that
 * refuses this bot's CURVE key ends the wait at once. The watch stays: every handshake is counted
 * ({@code bot.linkUps}) and a refusal is flagged ({@code bot.linkRejected}), so that at the end a
 * link that never came up is known to have carried nothing.
 */
final class LinkWait
{
    /** What the wait found. */
    enum Link
    {
        /** The handshake completed (under CURVE: and the broker did not refuse it within the confirmation window). */
        UP,
        /** No handshake in time, or the wait was cut short. */
        NO_HANDSHAKE,
        /** The broker refused this bot's CURVE key: nothing sent on this link will arrive. */
        REJECTED
    }

    /** The longest one wait for the handshake, so a stop request ends the wait promptly. */
    private static final long POLL_SLICE_NS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * Under CURVE, how long after the ZMTP greeting a refusal may still come. JeroMQ 0.6.0 reports
     * the greeting (HANDSHAKE_PROTOCOL) but not the end of the CURVE handshake, only its failures;
     * a refused key fails a few round trips after the greeting, within milliseconds on loopback.
     */
    static final long CURVE_CONFIRM_NS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int EVENTS = ZMQ.EVENT_HANDSHAKE_PROTOCOL | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_AUTH |
        zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL;

    private LinkWait()
    {
    }

    /**
     * Connects {@code socket} to {@code broker}, then waits up to {@code waitMs} (none when 0) for
     * the handshake, or until the run is asked to stop. A CURVE socket's link is up only once the
     * broker has not refused its key for {@link #CURVE_CONFIRM_NS} after the greeting. Sets
     * {@code bot.linkWaitTimedOut} when it waited and the link is not up.
     *
     * @return {@link Link#UP} also when it did not wait
     */
    static Link connect(
        final ZMQ.Socket socket,
        final Endpoint broker,
        final long waitMs,
        final RunControl control,
        final BotCounters counters)
    {
        final boolean curve = socket.getMechanism() == ZMQ.Socket.Mechanism.CURVE;
        // JeroMQ calls the hook on its I/O thread; it is set before the connect, so no event is missed.
        final AtomicLong handshakeNs = new AtomicLong();
        final AtomicBoolean refused = new AtomicBoolean();
        final AtomicCounter linkUps = counters.linkUps;
        final AtomicCounter linkRejected = counters.linkRejected;
        socket.setEventHook(event ->
        {
            final ZMonitor.Event type = event.getEvent();
            if (type == ZMonitor.Event.HANDSHAKE_PROTOCOL)
            {
                linkUps.incrementRelease();
                handshakeNs.compareAndSet(0, System.nanoTime() | 1);
            }
            else if (type == ZMonitor.Event.HANDSHAKE_FAILED_AUTH)
            {
                linkRejected.setRelease(1);
                refused.set(true);
            }
            else
            {
                handshakeNs.set(0); // a failed CURVE exchange: wait for the redial's greeting
            }
        }, EVENTS);
        SocketSettings.connect(socket, broker);
        if (waitMs <= 0)
        {
            return Link.UP;
        }
        final Link link = await(handshakeNs, refused, curve, waitMs, control);
        if (link != Link.UP)
        {
            counters.linkWaitTimedOut.set(1);
        }
        return link;
    }

    private static Link await(
        final AtomicLong handshakeNs,
        final AtomicBoolean refused,
        final boolean curve,
        final long waitMs,
        final RunControl control)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        while (!control.isStopRequested())
        {
            if (refused.get())
            {
                return Link.REJECTED;
            }
            final long nowNs = System.nanoTime();
            final long greetedNs = handshakeNs.get();
            if (greetedNs != 0 && (!curve || nowNs - greetedNs >= CURVE_CONFIRM_NS))
            {
                return Link.UP;
            }
            if (nowNs - deadlineNs >= 0)
            {
                return Link.NO_HANDSHAKE;
            }
            LockSupport.parkNanos(POLL_SLICE_NS);
        }
        return Link.NO_HANDSHAKE;
    }
}
