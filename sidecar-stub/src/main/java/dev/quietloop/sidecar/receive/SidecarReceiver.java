package dev.quietloop.sidecar.receive;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

import dev.quietloop.protocol.config.BindLatch;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.TransportWatch;
import dev.quietloop.protocol.config.WatchedSocket;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.FrameDecoder;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.zeromq.ZMQ;

/**
 * The stub's receive loop: owns the PULL socket (bound in {@link #onStart()}, closed in
 * {@link #onClose()}), decodes each frame in place into its {@link ReceiveTally} and applies the
 * injected faults. Asked to stop, it drains until every stream has ended, the socket stays quiet,
 * or the drain time passes. Allocates nothing of its own per frame.
 * <p>
 * Its JeroMQ context is its own and watched: when JeroMQ's I/O thread fails, the receiver closes the
 * context, binds the same endpoint on a new one and counts the restart; if that bind fails, it stops
 * reading and {@link #failure()} says why. Every frame is validated whole ({@link Frame#validate})
 * before any of its events counts, and each refused frame is counted by its reason.
 */
public final class SidecarReceiver implements Agent
{
    public static final String ROLE_NAME = "sidecar-receiver";
    /** The longest single park of a fault pause, so that a stop request is seen promptly. */
    static final long MAX_PAUSE_SLICE_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Endpoint endpoint;
    private final long drainNs;
    private final long quietNs;
    private final FaultInjection faults;
    private final ReceiveTally tally;
    private final NanoClock clock;
    private final LongConsumer pauseNs;
    private final Runnable onFinished;
    private final FrameDecoder decoder;
    private final byte[] buffer;
    private final WatchedSocket link;
    private final BindLatch bound;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile boolean exitedOnPurpose;
    private volatile String failure;
    /** The link's socket, copied here for the receive loop. */
    private ZMQ.Socket socket;
    private boolean done;
    private boolean draining;
    private long drainDeadlineNs;
    /** When the last frame arrived, on the agent's clock: for the drain's quiet. */
    private long lastFrameNs;

    /**
     * @param settings   where to bind, the socket options, and how a stop drains
     * @param sockets    makes the PULL socket: {@link SocketFactory#PULL}, or a CURVE server's
     *                   ({@code LinkSecurity.server})
     * @param faults     the injected faults, {@link FaultInjection#none()} for none
     * @param tally      counts what arrives and hands its events on
     * @param clock      the time used for faults and draining
     * @param pauseNs    waits the given nanoseconds when a fault pauses reading (parks in production)
     * @param onFinished run once on this agent's thread when it stops reading by itself
     */
    public SidecarReceiver(
        final ReceiverSettings settings,
        final SocketFactory sockets,
        final FaultInjection faults,
        final ReceiveTally tally,
        final NanoClock clock,
        final LongConsumer pauseNs,
        final Runnable onFinished)
    {
        endpoint = settings.bind();
        drainNs = settings.drainNs();
        quietNs = settings.quietNs();
        decoder = new FrameDecoder(settings.sockets().maxFrameBytes());
        buffer = decoder.buffer();
        this.faults = faults;
        this.tally = tally;
        this.clock = clock;
        this.pauseNs = pauseNs;
        this.onFinished = onFinished;
        link = new WatchedSocket(settings.sockets(), sockets, "sidecar-stub", "receiver", tally.receiverRestarts(), pauseNs);
        bound = new BindLatch("receiver " + endpoint);
    }

    @Override
    public void onStart()
    {
        try
        {
            bound.bound(link.open(endpoint));
        }
        catch (final RuntimeException ex)
        {
            done = true;
            finished.countDown();
            bound.failed(ex);
            if (!(ex instanceof ConfigException))
            {
                throw ex;
            }
        }
        // Read by the receive loop alone, on this thread: null if the bind failed.
        socket = link.socket();
    }

    /**
     * The idle strategy's wait, for {@code wake}: until a frame comes, or the drain's quiet is due
     * for a check. Once finished, or before a socket, there is nothing to wait for but the time.
     */
    public void awaitWork(final long maxWaitNs)
    {
        if (done)
        {
            LockSupport.parkNanos(maxWaitNs);
            return;
        }
        link.awaitInput(draining ? Math.min(maxWaitNs, quietNs) : maxWaitNs);
    }

    @Override
    public int doWork()
    {
        if (done)
        {
            return 0;
        }
        if (link.hasFailed())
        {
            restart();
            return 0;
        }
        final long nowNs = clock.nanoTime();
        if (stopRequested && !draining)
        {
            draining = true;
            drainDeadlineNs = nowNs + drainNs;
            lastFrameNs = nowNs;
        }
        if (draining && isDrained(nowNs))
        {
            finish();
            return 0;
        }
        // A stop ends any injected stall or delay: the stub is an instrument, and its count must be whole.
        final long remainingPauseNs = draining ? 0 : faults.pauseRemainingNs(nowNs);
        if (remainingPauseNs > 0)
        {
            pauseNs.accept(Math.min(remainingPauseNs, MAX_PAUSE_SLICE_NS));
            return 0;
        }
        final int length = socket.recv(buffer, 0, buffer.length, ZMQ.DONTWAIT);
        if (length < 0)
        {
            return 0;
        }
        lastFrameNs = nowNs;
        tally.onFrame(nowNs);
        if (decoder.decode(length, tally) < 0)
        {
            tally.onRejected(decoder.lastRejection());
        }
        if (faults.onMessage(nowNs))
        {
            exitedOnPurpose = true;
            finish();
        }
        return 1;
    }

    @Override
    public void onClose()
    {
        if (socket != null)
        {
            socket.close();
            socket = null;
        }
        link.close();
    }

    /**
     * JeroMQ's I/O thread failed: what its connections held is lost (the sequence check counts it as
     * gaps). Closes the broken context, binds the same endpoint on a new one and counts the restart; the
     * broker reconnects by itself. If the bind fails, the loop finishes and {@link #failure()} says why.
     */
    private void restart()
    {
        final String lost = link.restart(System.err);
        socket = link.socket();
        if (null != lost)
        {
            failure = lost;
            finish();
        }
    }

    /** Why the receiver stopped for good (its transport failed and could not be rebuilt), or null. */
    public String failure()
    {
        return failure;
    }

    /** The watch on this receiver's current JeroMQ context: a test may {@link TransportWatch#fail} it. */
    public TransportWatch transportWatch()
    {
        return link.watch();
    }

    @Override
    public String roleName()
    {
        return ROLE_NAME;
    }

    /**
     * Waits for {@link #onStart()} to bind.
     *
     * @return the endpoint really bound.
     * @throws ConfigException naming the endpoint when it cannot be bound.
     */
    public Endpoint awaitBound(final long timeoutMs)
    {
        return bound.await(timeoutMs);
    }

    /** Asks the loop, from any thread, to drain and finish. */
    public void requestStop()
    {
        stopRequested = true;
    }

    /** Waits until the loop has stopped reading; true if it did within the timeout. */
    public boolean awaitFinished(final long timeoutMs) throws InterruptedException
    {
        return finished.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    public boolean isFinished()
    {
        return finished.getCount() == 0;
    }

    /** True if the loop stopped because {@code --exit-after} fired. */
    public boolean exitedOnPurpose()
    {
        return exitedOnPurpose;
    }

    private boolean isDrained(final long nowNs)
    {
        return tally.allStreamsEnded() || nowNs - lastFrameNs >= quietNs || nowNs - drainDeadlineNs >= 0;
    }

    private void finish()
    {
        done = true;
        finished.countDown();
        onFinished.run();
    }
}
