package dev.quietloop.protocol.config;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

import dev.quietloop.protocol.wake.SocketWait;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.wire.ConfigException;
import org.agrona.concurrent.status.AtomicCounter;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A receiver's bound socket on a JeroMQ context of its own, which a {@link TransportWatch} watches, and
 * the rebuilding of both on the same endpoint when that context's I/O thread fails. The owning agent
 * uses it on its own thread only, and copies {@link #socket()} into a field for its receive loop.
 */
public final class WatchedSocket
{
    /** How long a broken context may take to close before it is left behind. */
    private static final long CLOSE_TIMEOUT_MS = 500;
    /** A rebind retries while the old listener lets go of the port, this often, this far apart. */
    private static final int REBIND_ATTEMPTS = 10;
    private static final long REBIND_PAUSE_NS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Watches the current context only: a context being closed may still report, and must not count again. */
    private volatile TransportWatch watch = new TransportWatch();

    private final SocketSettings settings;
    private final SocketFactory sockets;
    private final String process;
    private final String role;
    private final AtomicCounter restarts;
    private final LongConsumer pauseNs;
    private Endpoint boundEndpoint;
    private ZContext context;
    private ZMQ.Socket socket;
    /** What an idle reader blocks on: the bound socket's next message. */
    private SocketWait input;

    /**
     * @param process  the process named first in the line that tells a restart, as {@code broker}
     * @param role     the socket's part in it, named in that line and first in the failure, as {@code ingest}
     * @param restarts counted once per restart, failed or not
     * @param pauseNs  waits between two attempts to bind again
     */
    public WatchedSocket(
        final SocketSettings settings,
        final SocketFactory sockets,
        final String process,
        final String role,
        final AtomicCounter restarts,
        final LongConsumer pauseNs)
    {
        this.settings = settings;
        this.sockets = sockets;
        this.process = process;
        this.role = role;
        this.restarts = restarts;
        this.pauseNs = pauseNs;
    }

    /**
     * Binds the socket on a new, watched context, kept for {@link #restart}.
     *
     * @return the endpoint really bound (with the chosen port for an ephemeral one).
     * @throws ConfigException naming the endpoint when it cannot be bound; its context is closed at once.
     */
    public Endpoint open(final Endpoint where)
    {
        boundEndpoint = bind(where);
        return boundEndpoint;
    }

    /** The bound socket, or null before {@link #open} and after a restart that could not bind. */
    public ZMQ.Socket socket()
    {
        return socket;
    }

    /**
     * Blocks until the socket has a message to read, or {@code maxWaitNs} passes: the wait of an
     * idle reader that drained the socket ({@code wake}). Without a socket, it only waits the time.
     */
    public void awaitInput(final long maxWaitNs)
    {
        if (null == input)
        {
            LockSupport.parkNanos(maxWaitNs);
            return;
        }
        input.awaitWork(maxWaitNs);
    }

    /** The watch on the current context: a test may {@link TransportWatch#fail} it. */
    public TransportWatch watch()
    {
        return watch;
    }

    /** True once the current context's I/O thread failed: one volatile read for a duty cycle. */
    public boolean hasFailed()
    {
        return watch.hasFailed();
    }

    /**
     * Closes the broken context within a bound, then binds the bound endpoint again on a new one, retrying
     * while the old listener lets go of the port, and counts the restart. Off the hot path: it runs once per
     * failure. Once rebound, it tells {@code err} in one line.
     *
     * @param err read at the call, so a process's {@code System.err} is the one in force then.
     * @return null once rebound, else why not: the socket is then gone for good.
     */
    public String restart(final PrintStream err)
    {
        final Throwable cause = watch.failure();
        restarts.incrementRelease();
        closeInput();
        if (null != socket)
        {
            socket.close();
            socket = null;
        }
        final boolean closed = TransportWatch.closeWithin(context, CLOSE_TIMEOUT_MS);
        context = null;
        String failure = null;
        for (int attempt = 1; attempt <= REBIND_ATTEMPTS && null == socket; attempt++)
        {
            try
            {
                bind(boundEndpoint);
            }
            catch (final ConfigException ex)
            {
                if (attempt < REBIND_ATTEMPTS)
                {
                    pauseNs.accept(REBIND_PAUSE_NS);
                }
                else
                {
                    failure = role + " lost: JeroMQ's I/O thread failed (" + cause + ")" +
                        (closed ? "" : ", its context would not close,") + " and " + ex.getMessage();
                }
            }
        }
        if (null != socket)
        {
            err.println(process + ": " + role + " transport failed (" + cause + "); rebound " + boundEndpoint +
                ", restart " + restarts.get());
        }
        return failure;
    }

    /**
     * Closes the context and with it the socket, if the owner has not closed that first; a broken context
     * only within a bound, as it may never finish terminating.
     */
    public void close()
    {
        closeInput();
        if (null != context)
        {
            if (watch.hasFailed())
            {
                TransportWatch.closeWithin(context, CLOSE_TIMEOUT_MS);
            }
            else
            {
                context.close();
            }
            context = null;
            socket = null;
        }
    }

    private void closeInput()
    {
        if (null != input)
        {
            input.close();
            input = null;
        }
    }

    private Endpoint bind(final Endpoint where)
    {
        final TransportWatch newWatch = new TransportWatch();
        final ZContext newContext = newWatch.watch(new ZContext(1));
        try
        {
            final ZMQ.Socket newSocket = sockets.create(settings, newContext);
            final Endpoint result = SocketSettings.bind(newSocket, where);
            watch = newWatch;
            context = newContext;
            socket = newSocket;
            input = new SocketWait(newSocket);
            return result;
        }
        catch (final RuntimeException ex)
        {
            newContext.close();
            throw ex;
        }
    }
}
