package dev.quietloop.bot.send;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.quietloop.bot.run.RunControl;
import dev.quietloop.protocol.config.Endpoint;
import dev.quietloop.protocol.config.SocketSettings;
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
     * Connects {@code socket} to {@code broker}, then waits up to {@code waitMs} (none when 0) for
     * the handshake, or until the run is asked to stop.
     *
     * @return false only when it waited and the handshake did not come in time (or the wait was cut short)
     */
    static boolean connect(
        final ZMQ.Socket socket,
        final Endpoint broker,
        final long waitMs,
        final RunControl control)
    {
        if (waitMs <= 0)
        {
            SocketSettings.connect(socket, broker);
            return true;
        }
        // JeroMQ calls the hook on its I/O thread; it is set before the connect, so no event is missed.
        final CountDownLatch handshake = new CountDownLatch(1);
        socket.setEventHook(event -> handshake.countDown(), ZMQ.EVENT_HANDSHAKE_PROTOCOL);
        try
        {
            SocketSettings.connect(socket, broker);
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
        finally
        {
            socket.setEventHook(null, 0);
        }
    }
}
