package dev.quietloop.bot.send;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.protocol.config.Endpoint;
import dev.quietloop.protocol.config.SocketSettings;
import org.agrona.concurrent.status.AtomicCounter;
import org.zeromq.ZMQ;

/**
 * Connects the bot's PUSH socket and waits, for a bounded time, until its ZMTP handshake with the
 * broker completes, so the replay starts on a live link. A fresh JeroMQ 0.6.0 connection now and
 * then sits unregistered from its selector until the handshake interval redials it (see
 * {@link SocketSettings}); a replay that started meanwhile would find no peer: the ring would hold
 * its first second of events, and the naive baseline's trading thread would block on it.
 * <p>
 * The wait happens once, before the trading thread starts, on the thread that owns the socket. A
 * broker that is not there costs the bound, and the run goes on without the link, as before.
 */
final class LinkWait
{
    /** The longest one wait for the handshake, so a stop request ends the wait promptly. */
    private static final long POLL_SLICE_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private LinkWait()
    {
    }

    /**
     * Connects {@code socket} to {@code broker}, counting every completed handshake in
     * {@code counters.linkUps} for the rest of the run, then waits up to {@code waitMs} (none when 0)
     * for the first, or until the run is asked to stop. When the wait runs out it sets
     * {@code counters.linkWaitTimedOut}.
     */
    static void connect(
        final ZMQ.Socket socket,
        final Endpoint broker,
        final long waitMs,
        final RunControl control,
        final BotCounters counters)
    {
        // JeroMQ calls the hook on its I/O thread; it is set before the connect, so no event is missed.
        // It stays for the run: a bot whose link never came up carried nothing, whatever it queued.
        final CountDownLatch handshake = new CountDownLatch(1);
        final AtomicCounter linkUps = counters.linkUps;
        socket.setEventHook(event ->
        {
            linkUps.incrementRelease();
            handshake.countDown();
        }, ZMQ.EVENT_HANDSHAKE_PROTOCOL);
        SocketSettings.connect(socket, broker);
        if (waitMs > 0 && !awaitHandshake(handshake, waitMs, control))
        {
            counters.linkWaitTimedOut.set(1);
        }
    }

    /** @return false when the handshake did not come in time (or the wait was cut short by a stop) */
    private static boolean awaitHandshake(final CountDownLatch handshake, final long waitMs, final RunControl control)
    {
        try
        {
            final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
            while (!control.isStopRequested())
            {
                final long remainingNs = deadlineNs - System.nanoTime();
                if (remainingNs <= 0)
                {
                    return false;
                }
                if (handshake.await(Math.min(POLL_SLICE_NS, remainingNs), TimeUnit.NANOSECONDS))
                {
                    return true;
                }
            }
            return false;
        }
        catch (final InterruptedException ex)
        {
            // Nothing here interrupts the bot's threads; should something, the start goes on unlinked.
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
