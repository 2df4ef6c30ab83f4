package dev.quietloop.sidecar.receive;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventListener;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.FrameDecoder;
import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.config.TransportWatch;
import dev.quietloop.protocol.config.WatchedSocket;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.sidecar.check.SequenceChecker;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.status.AtomicCounter;
import org.zeromq.ZMQ;

/**
 * The stub's receive loop: owns the PULL socket (bound in {@link #onStart()}, closed in
 * {@link #onClose()}), decodes each frame in place, counts frames and events per type, feeds the
 * sequence checker and applies the injected faults. Asked to stop, it drains until every stream
 * has ended, the socket stays quiet, or the drain time passes. Allocates nothing of its own per frame.
 * <p>
 * Its JeroMQ context is its own and watched: when JeroMQ's I/O thread fails, the receiver closes the
 * context, binds the same endpoint on a new one and counts the restart; if that bind fails, it stops
 * reading and {@link #failure()} says why. Every frame is validated whole ({@link Frame#validate})
 * before any of its events counts, and each refused frame is counted by its reason.
 */
public final class SidecarReceiver implements Agent
{
    public static final String FRAMES_RECEIVED = Accounting.SIDECAR_FRAMES_RECEIVED;
    public static final String EVENTS_RECEIVED = Accounting.SIDECAR_EVENTS_RECEIVED;
    public static final String BY_TYPE_PREFIX = Accounting.SIDECAR_BY_TYPE_PREFIX;
    /** Frames refused, of every kind: the sum of the {@code sidecar.rejected*} counters. */
    public static final String DECODE_ERRORS = Accounting.SIDECAR_DECODE_ERRORS;
    /** Refused frames of one kind are counted under this prefix and {@link Frame#rejectionName}. */
    public static final String REJECTED_PREFIX = "sidecar.";
    /** Times the receiver rebuilt its JeroMQ context after a failure on its I/O thread. */
    public static final String RECEIVER_RESTARTS = Accounting.SIDECAR_RECEIVER_RESTARTS;
    /** From the first business event's frame to the last one's, on the receive loop's clock: for rates. */
    public static final String RECEIVE_SPAN_NS = Accounting.SIDECAR_RECEIVE_SPAN_NS;
    /** Business events past the warm-up (a sequence above {@code --warmup-events}): for a rate once compiled. */
    public static final String AFTER_WARMUP_EVENTS = Accounting.SIDECAR_AFTER_WARMUP_EVENTS;
    /** From the frame of the first business event past the warm-up to the last one's: for that rate. */
    public static final String AFTER_WARMUP_SPAN_NS = Accounting.SIDECAR_AFTER_WARMUP_SPAN_NS;

    /** While draining, the socket counts as empty once nothing has arrived for this long. */
    public static final long QUIET_NS = TimeUnit.MILLISECONDS.toNanos(200);
    /** The longest single park of a fault pause, so that a stop request is seen promptly. */
    static final long MAX_PAUSE_SLICE_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Endpoint endpoint;
    private final long drainNs;
    private long quietNs = QUIET_NS;
    private final FaultInjection faults;
    private final SequenceChecker checker;
    private final NanoClock clock;
    private final LongConsumer pauseNs;
    private final Runnable onFinished;
    private final HopLatency endToEnd;
    private final FrameDecoder decoder;
    private final byte[] buffer;
    private final EventListener listener = this::onEvent;
    private final CompletableFuture<Endpoint> bound = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicCounter framesReceived;
    private final AtomicCounter eventsReceived;
    private final AtomicCounter decodeErrors;
    private final AtomicCounter[] rejected = new AtomicCounter[Frame.VALIDATION_RESULTS];
    private final AtomicCounter receiverRestarts;
    private final AtomicCounter receiveSpanNs;
    private final AtomicCounter afterWarmupEvents;
    private final AtomicCounter afterWarmupSpanNs;
    private final long warmupEvents;
    private long firstEventNs = -1;
    private long firstAfterWarmupNs = -1;
    private final AtomicCounter[] byType = new AtomicCounter[EventType.CODES];
    private volatile boolean stopRequested;
    private volatile boolean exitedOnPurpose;
    private final WatchedSocket link;
    private volatile String failure;
    /** The link's socket, copied here for the receive loop. */
    private ZMQ.Socket socket;
    private boolean done;
    private boolean draining;
    private long drainDeadlineNs;
    /** When the last frame arrived, on the agent's clock: for the drain's quiet and the receive span. */
    private long lastFrameNs;
    /** When the frame being decoded came off the socket, on the bot's clock: {@code System.nanoTime()}. */
    private long frameReceivedNs;

    /**
     * @param endpoint   where to bind PULL; port 0 picks a free one
     * @param settings   the socket options, and the largest frame accepted
     * @param sockets    makes the PULL socket: {@link SocketFactory#PULL}, or a CURVE server's
     *                   ({@code LinkSecurity.server})
     * @param drainNs    how long a stop may keep reading at most
     * @param faults     the injected faults, {@link FaultInjection#none()} for none
     * @param checker    the sequence checker fed with every business event and end of stream
     * @param counters   where the frame, event and decode-error counters are registered
     * @param clock      the time used for faults and draining
     * @param pauseNs    waits the given nanoseconds when a fault pauses reading (parks in production)
     * @param onFinished run once on this agent's thread when it stops reading by itself
     * @param endToEnd   the hop from each business event's origin on the bot to its frame's receipt here;
     *                   it leaves out the warm-up, each stream's first events (by sequence)
     * @param warmupEvents events of a stream up to this sequence are left out of the after-warm-up count
     *                   and span, as {@code endToEnd} leaves them out of its timing
     */
    public SidecarReceiver(
        final Endpoint endpoint,
        final SocketSettings settings,
        final SocketFactory sockets,
        final long drainNs,
        final FaultInjection faults,
        final SequenceChecker checker,
        final CounterRegistry counters,
        final NanoClock clock,
        final LongConsumer pauseNs,
        final Runnable onFinished,
        final HopLatency endToEnd,
        final long warmupEvents)
    {
        this.endpoint = endpoint;
        this.drainNs = drainNs;
        decoder = new FrameDecoder(settings.maxFrameBytes());
        buffer = decoder.buffer();
        this.faults = faults;
        this.checker = checker;
        this.clock = clock;
        this.pauseNs = pauseNs;
        this.onFinished = onFinished;
        this.endToEnd = endToEnd;
        framesReceived = counters.newCounter(FRAMES_RECEIVED);
        eventsReceived = counters.newCounter(EVENTS_RECEIVED);
        for (int type = EventType.SIGNAL; type < EventType.CODES; type++)
        {
            byType[type] = counters.newCounter(BY_TYPE_PREFIX + EventType.name(type));
        }
        decodeErrors = counters.newCounter(DECODE_ERRORS);
        for (int result = Frame.REJECTED_TOO_LARGE; result < Frame.VALIDATION_RESULTS; result++)
        {
            rejected[result] = counters.newCounter(REJECTED_PREFIX + Frame.rejectionName(result));
        }
        receiverRestarts = counters.newCounter(RECEIVER_RESTARTS);
        link = new WatchedSocket(settings, sockets, "sidecar-stub", "receiver", receiverRestarts, pauseNs);
        receiveSpanNs = counters.newCounter(RECEIVE_SPAN_NS);
        afterWarmupEvents = counters.newCounter(AFTER_WARMUP_EVENTS);
        afterWarmupSpanNs = counters.newCounter(AFTER_WARMUP_SPAN_NS);
        this.warmupEvents = warmupEvents;
    }

    /**
     * How long without a frame ends a stop's drain before every stream has ended ({@link #QUIET_NS}
     * by default). Under CURVE, JeroMQ decrypts in pure Java, seconds behind on a loaded machine: a
     * pause in arrivals then says nothing about what is still on its way. Call before the agent starts.
     */
    public SidecarReceiver quietNs(final long quietNs)
    {
        this.quietNs = quietNs;
        return this;
    }

    @Override
    public void onStart()
    {
        try
        {
            bound.complete(link.open(endpoint));
        }
        catch (final RuntimeException ex)
        {
            done = true;
            finished.countDown();
            bound.completeExceptionally(ex);
            if (!(ex instanceof ConfigException))
            {
                throw ex;
            }
        }
        // Read by the receive loop alone, on this thread: null if the bind failed.
        socket = link.socket();
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
        // The origin was stamped by System.nanoTime() in the bot: a machine-wide clock on Linux,
        // not the agent's NanoClock, which a test may replace.
        frameReceivedNs = endToEnd.isEnabled() ? System.nanoTime() : 0;
        lastFrameNs = nowNs;
        framesReceived.incrementRelease();
        if (decoder.decode(length, listener) < 0)
        {
            rejected[decoder.lastRejection()].incrementRelease();
            decodeErrors.incrementRelease();
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
        return "sidecar-receiver";
    }

    /**
     * Waits for {@link #onStart()} to bind.
     *
     * @return the endpoint really bound.
     * @throws ConfigException naming the endpoint when it cannot be bound.
     */
    public Endpoint awaitBound(final long timeoutMs) throws InterruptedException
    {
        try
        {
            return bound.get(timeoutMs, TimeUnit.MILLISECONDS);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof RuntimeException)
            {
                throw (RuntimeException)ex.getCause();
            }
            throw new IllegalStateException("cannot bind " + endpoint, ex.getCause());
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalStateException("receiver did not bind " + endpoint + " within " + timeoutMs + " ms", ex);
        }
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
        return checker.allStreamsEnded() || nowNs - lastFrameNs >= quietNs || nowNs - drainDeadlineNs >= 0;
    }

    private void finish()
    {
        done = true;
        finished.countDown();
        onFinished.run();
    }

    private void onEvent(final Event event)
    {
        final int type = event.type;
        byType[type].incrementRelease();
        if (!EventType.isControl(type))
        {
            eventsReceived.incrementRelease();
            checker.onEvent(event.sourceId, event.epoch, event.sequence);
            endToEnd.recordEvent(event.sequence, event.originNs, frameReceivedNs);
            if (firstEventNs < 0)
            {
                firstEventNs = lastFrameNs;
            }
            receiveSpanNs.setRelease(lastFrameNs - firstEventNs);
            if (event.sequence > warmupEvents)
            {
                if (firstAfterWarmupNs < 0)
                {
                    firstAfterWarmupNs = lastFrameNs;
                }
                afterWarmupEvents.incrementRelease();
                afterWarmupSpanNs.setRelease(lastFrameNs - firstAfterWarmupNs);
            }
        }
        else if (type == EventType.END_OF_STREAM)
        {
            checker.onEndOfStream(event.sourceId, event.epoch, event.eventsProduced);
        }
    }
}
