package dev.quietloop.protocol.config;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;

import org.zeromq.ZContext;

/**
 * Notices a failure inside JeroMQ's I/O thread, which JeroMQ 0.6.0 otherwise only prints: an
 * exception that kills the thread, or one it catches in the middle of a connection's events, which
 * leaves that connection's pipe half-read and the PULL's fair queue stuck on it. Either way the
 * socket still looks alive and receives nothing more. The owner of the context checks
 * {@link #hasFailed()} in its duty cycle (one volatile read) and rebuilds its context.
 */
public final class TransportWatch
{
    private final Thread.UncaughtExceptionHandler onThreadDeath = this::onThreadDeath;
    private final Thread.UncaughtExceptionHandler onNotification = this::onNotification;
    private volatile Throwable failure;

    /** Installs the handlers; call before the context makes its first socket, which starts its threads. */
    public ZContext watch(final ZContext context)
    {
        context.setUncaughtExceptionHandler(onThreadDeath);
        context.setNotificationExceptionHandler(onNotification);
        return context;
    }

    public boolean hasFailed()
    {
        return null != failure;
    }

    /** The first failure since the last {@link #reset()}, or null. */
    public Throwable failure()
    {
        return failure;
    }

    /** Forgets the failure: the owner has rebuilt its context. */
    public void reset()
    {
        failure = null;
    }

    /** Records {@code cause} as if JeroMQ had reported it; for a context whose failure is found otherwise. */
    public void fail(final Throwable cause)
    {
        if (null == failure)
        {
            failure = cause;
        }
    }

    /**
     * Closes a context that may be broken, waiting at most {@code timeoutMs}: a context whose I/O thread
     * died never finishes terminating, so the close runs on a daemon thread that is left behind if so.
     *
     * @return true if the context closed within the time.
     */
    public static boolean closeWithin(final ZContext context, final long timeoutMs)
    {
        final Thread closer = new Thread(context::close, "jeromq-context-closer");
        closer.setDaemon(true);
        closer.start();
        try
        {
            closer.join(timeoutMs);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        return !closer.isAlive();
    }

    private void onThreadDeath(final Thread thread, final Throwable ex)
    {
        fail(ex);
    }

    /**
     * JeroMQ also reports here what it recovers from by itself: a selector it rebuilt after an I/O error,
     * a key or channel closed under it. Those leave every connection whole; anything else thrown from a
     * connection's events does not.
     */
    private void onNotification(final Thread thread, final Throwable ex)
    {
        if (!(ex instanceof IOException || ex instanceof CancelledKeyException || ex instanceof ClosedSelectorException))
        {
            fail(ex);
        }
    }
}
