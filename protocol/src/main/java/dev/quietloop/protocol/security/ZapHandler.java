package dev.quietloop.protocol.security;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.status.AtomicCounter;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The ZAP handler (RFC 27) of one context: a thread with a REP socket on {@link #ENDPOINT} that
 * admits a CURVE client only when its public key is in the allowed set, and counts every refusal.
 * <p>
 * JeroMQ admits every client when no handler is bound, so the handler binds before the server
 * socket is made ({@link #start} returns once it is bound), and lives as long as the context: its
 * socket is not one of the {@link ZContext}'s, so closing the context terminates it (ETERM), and
 * the handler closes its socket on its own thread.
 */
public final class ZapHandler implements Runnable
{
    /** Where libzmq and JeroMQ send ZAP requests, per context. */
    public static final String ENDPOINT = "inproc://zeromq.zap.01";
    private static final String VERSION = "1.0";
    private static final String CURVE = "CURVE";
    private static final long BIND_TIMEOUT_MS = 10_000;

    private final ZContext context;
    private final Set<String> allowedKeys;
    private final AtomicCounter rejected;
    private final CountDownLatch bound = new CountDownLatch(1);
    private volatile RuntimeException bindFailure;

    private ZapHandler(final ZContext context, final Set<String> allowedKeys, final AtomicCounter rejected)
    {
        this.context = context;
        this.allowedKeys = Set.copyOf(allowedKeys);
        this.rejected = rejected;
    }

    /**
     * Starts the handler of {@code context} and waits until it is bound.
     *
     * @param allowedKeys the client public keys admitted, in Z85
     * @param rejected    incremented once per refused handshake
     */
    public static void start(final ZContext context, final Set<String> allowedKeys, final AtomicCounter rejected)
    {
        final ZapHandler handler = new ZapHandler(context, allowedKeys, rejected);
        final Thread thread = new Thread(handler, "zap-handler");
        thread.setDaemon(true);
        thread.start();
        try
        {
            if (!handler.bound.await(BIND_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            {
                throw new IllegalStateException("ZAP handler not bound after " + BIND_TIMEOUT_MS + " ms");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the ZAP handler", ex);
        }
        if (null != handler.bindFailure)
        {
            throw handler.bindFailure;
        }
    }

    @Override
    public void run()
    {
        final ZMQ.Socket socket = context.getContext().socket(SocketType.REP);
        try
        {
            socket.setLinger(0);
            socket.bind(ENDPOINT);
        }
        catch (final RuntimeException ex)
        {
            bindFailure = ex;
            socket.close();
            bound.countDown();
            return;
        }
        bound.countDown();
        try
        {
            while (serve(socket))
            {
                // one request per turn, until the context terminates
            }
        }
        finally
        {
            socket.close();
        }
    }

    /** Answers one request; false once the context is terminating. */
    private boolean serve(final ZMQ.Socket socket)
    {
        try
        {
            final byte[][] request = new byte[7][];
            int frames = 0;
            do
            {
                final byte[] frame = socket.recv(0);
                if (null == frame)
                {
                    return false;
                }
                if (frames < request.length)
                {
                    request[frames] = frame;
                }
                frames++;
            }
            while (socket.hasReceiveMore());
            final byte[] requestId = frames > 1 ? request[1] : new byte[0];
            final boolean allowed = frames >= 7 && isAllowed(request);
            if (!allowed)
            {
                rejected.increment();
            }
            socket.sendMore(VERSION);
            socket.sendMore(requestId);
            socket.sendMore(allowed ? "200" : "400");
            socket.sendMore(allowed ? "OK" : "client key not allowed");
            socket.sendMore("");
            socket.send(new byte[0], 0);
            return true;
        }
        catch (final ZMQException ex)
        {
            if (ex.getErrorCode() == ZMQ.Error.ETERM.getCode())
            {
                return false;
            }
            throw ex;
        }
    }

    private boolean isAllowed(final byte[][] request)
    {
        final String version = new String(request[0], StandardCharsets.US_ASCII);
        final String mechanism = new String(request[5], StandardCharsets.US_ASCII);
        final byte[] clientKey = request[6];
        return VERSION.equals(version) && CURVE.equals(mechanism) && clientKey.length == 32 &&
            allowedKeys.contains(ZMQ.Curve.z85Encode(clientKey));
    }
}
