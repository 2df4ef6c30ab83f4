package dev.quietloop.broker.ingress;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.RingBuffer;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.broker.ring.FrameSlot;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.BindLatch;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.TransportWatch;
import dev.quietloop.protocol.config.WatchedSocket;
import dev.quietloop.protocol.wake.Doorbell;
import org.agrona.concurrent.Agent;
import org.zeromq.ZMQ;

/**
 * Owns the ingest ROUTER socket: binds it on its own thread, then moves frames into the broker
 * ring, reading only their headers. It receives a frame only when the ring has a free slot, so
 * a slow sidecar pushes back through the sockets to the bots instead of losing frames here.
 * Each bot learns what was taken from the acknowledgements it gets back on its connection
 * ({@link SourceAcks}). While {@code brokerDwell} is timed, it stamps each frame with the time it
 * came off the socket.
 * <p>
 * Whatever arrives is untrusted: a frame is counted and published only once {@link Frame#validate}
 * passes it, and each refused frame is counted by its reason. When JeroMQ's I/O thread fails (a
 * {@link TransportWatch} notices), the receiver closes its context, binds a new one on the same
 * endpoint and counts the restart; if that bind fails, {@link #failure()} says why and it stops reading.
 */
public final class IngressReceiver implements Agent
{
    /** Bounds one duty cycle so the runner's idle strategy and close checks stay responsive. */
    private static final int FRAMES_PER_CYCLE = 64;
    /** How long an idle receiver parks while the ring is full: the forwarder's pace, a fault's. */
    private static final long RING_FULL_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Frames from every source are taken, as when the bots run apart from the broker. */
    public static final int ANY_SOURCE = Integer.MIN_VALUE;

    private final Endpoint endpoint;
    private final RingBuffer<FrameSlot> ring;
    private final Doorbell forwarder;
    private final BrokerCounters counters;
    private final FrameSlot staging;
    private final int slotCapacity;
    private final boolean stampReceipt;
    private final PrintStream err;
    private final int onlySource;
    private final int sourceCount;
    private final byte[] identity = new byte[SourceAcks.MAX_IDENTITY_BYTES + 1];
    private final SourceAcks acks;
    private final WatchedSocket link;
    private final BindLatch bound;
    private volatile String failure;
    /** The link's socket, copied here for the receive loop. */
    private ZMQ.Socket socket;

    /**
     * @param sockets makes the ROUTER socket in {@link #onStart()}: {@link SocketFactory#ROUTER}, or a test's
     *                that counts JeroMQ's bytes.
     * @param forwarder rung after frames are published into {@code ring}, for a consumer that sleeps
     * @param err     where a restart of the ingest is told in one line: {@code System.err} but in tests.
     */
    public IngressReceiver(
        final IngressSettings settings,
        final SocketFactory sockets,
        final RingBuffer<FrameSlot> ring,
        final Doorbell forwarder,
        final BrokerCounters counters,
        final PrintStream err)
    {
        this.err = err;
        this.endpoint = settings.endpoint();
        this.bound = new BindLatch("ingest " + endpoint);
        this.link = new WatchedSocket(settings.sockets(), sockets, "broker", "ingest", counters.ingressRestarts(),
            IngressReceiver::sleepNs);
        this.ring = ring;
        this.forwarder = forwarder;
        this.counters = counters;
        this.slotCapacity = ring.get(0).capacity();
        // One byte more than a slot holds: JeroMQ truncates a longer frame silently to the buffer, so a
        // frame that fills the extra byte is known too large instead of being cut down to a valid one.
        this.staging = new FrameSlot(slotCapacity + 1);
        this.stampReceipt = settings.stampReceipt();
        this.onlySource = settings.onlySource();
        this.sourceCount = settings.sourceCount();
        this.acks = new SourceAcks(counters, settings.botTimeoutNs());
    }

    @Override
    public void onStart()
    {
        try
        {
            bound.bound(link.open(endpoint));
        }
        catch (final ConfigException ex)
        {
            bound.failed(ex);
        }
        // Read by the receive loop alone, on this thread: null if the bind failed.
        socket = link.socket();
    }

    /**
     * The idle strategy's wait, for {@code wake}: until a frame comes, or quiet sources are due an
     * acknowledgement. A full ring is waited out in short parks instead, since the socket has
     * frames this loop will not take until the forwarder makes room.
     */
    public void awaitWork(final long maxWaitNs)
    {
        if (link.hasFailed())
        {
            return; // the next duty cycle restarts the ingest
        }
        if (null != socket && !ring.hasAvailableCapacity(1))
        {
            LockSupport.parkNanos(RING_FULL_PARK_NS);
            return;
        }
        link.awaitInput(acks.hasPending() ? Math.min(maxWaitNs, SourceAcks.ACK_AFTER_NS) : maxWaitNs);
    }

    @Override
    public int doWork()
    {
        if (null == socket)
        {
            return 0;
        }
        if (link.hasFailed())
        {
            restart();
            return 0;
        }
        final byte[] buffer = staging.bytes();
        final int capacity = buffer.length;
        final long nowNs = System.nanoTime();
        int frames = 0;
        boolean drained = false;
        while (frames < FRAMES_PER_CYCLE && ring.hasAvailableCapacity(1))
        {
            // A ROUTER hands each message over with the identity of the connection it came by first.
            final int identityLength = socket.recv(identity, 0, identity.length, ZMQ.DONTWAIT);
            if (identityLength < 0)
            {
                drained = true;
                break;
            }
            final int length = socket.hasReceiveMore() ? socket.recv(buffer, 0, capacity, ZMQ.DONTWAIT) : -1;
            if (socket.hasReceiveMore() || length < 0)
            {
                rejectMultipart();
            }
            else
            {
                onFrame(identityLength, length, stampReceipt ? System.nanoTime() : 0, nowNs);
            }
            frames++;
        }
        if (frames > 0)
        {
            forwarder.ring();
        }
        acks.flushQuiet(socket, nowNs, drained);
        return frames;
    }

    /** A frame is one ZeroMQ message part; a message of more parts (or none) is refused whole. */
    private void rejectMultipart()
    {
        while (socket.hasReceiveMore())
        {
            socket.recv(staging.bytes(), 0, staging.bytes().length, ZMQ.DONTWAIT);
        }
        counters.rejected(Frame.REJECTED_BAD_HEADER).incrementRelease();
        counters.badFrames().incrementRelease();
    }

    /** @param receivedNs when the frame came off the socket, for the forwarder's {@code brokerDwell} hop; or 0 */
    private void onFrame(final int identityLength, final int length, final long receivedNs, final long nowNs)
    {
        final byte[] buffer = staging.bytes();
        final int result = length > slotCapacity ? Frame.REJECTED_TOO_LARGE : Frame.validate(buffer, length);
        if (result != Frame.VALID || (onlySource != ANY_SOURCE &&
            Integer.compareUnsigned(Frame.sourceId(buffer) - onlySource, sourceCount) >= 0))
        {
            counters.rejected(result != Frame.VALID ? result : Frame.REJECTED_UNKNOWN_SOURCE).incrementRelease();
            counters.badFrames().incrementRelease();
            return;
        }
        if (!acks.admits(Frame.sourceId(buffer), Frame.epoch(buffer), identity, identityLength, nowNs))
        {
            return; // another live bot's source id: counted there, and not acknowledged
        }
        final boolean control = Frame.isControl(buffer);
        final int businessEvents = control ? 0 : Frame.eventCount(buffer);
        // Counted before publishing, so a reader never sees more forwarded than received.
        counters.framesReceived().incrementRelease();
        if (control)
        {
            counters.controlFrames().incrementRelease();
            if (Frame.isEndOfStream(buffer))
            {
                counters.endOfStreams().incrementRelease();
            }
        }
        else
        {
            counters.eventsReceived().getAndAddRelease(businessEvents);
        }
        staging.set(length, businessEvents, receivedNs);
        ring.publishEvent(FrameSlot.COPY, staging); // a slot is free: checked before receiving
        // Taken: in the ring, from where it is forwarded or counted as undelivered. Tell its bot.
        acks.taken(socket, identity, identityLength, Frame.sourceId(buffer), Frame.epoch(buffer), businessEvents,
            Frame.isEndOfStream(buffer), nowNs);
    }

    /**
     * JeroMQ's I/O thread failed: whatever its connections held is lost (the bots' sequences show it
     * as gaps). Closes the broken context, binds the same endpoint on a new one and counts the restart;
     * the peers reconnect by themselves. Off the hot path: it runs once per failure.
     */
    private void restart()
    {
        failure = link.restart(err);
        socket = link.socket();
    }

    /**
     * Why the ingest stopped for good, or null while it serves: set when a restart could not bind its
     * endpoint again. Any thread may read it; the run ends on it.
     */
    public String failure()
    {
        return failure;
    }

    /** The watch on this receiver's JeroMQ context: a test may {@link TransportWatch#fail} it. */
    public TransportWatch transportWatch()
    {
        return link.watch();
    }

    private static void sleepNs(final long ns)
    {
        try
        {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(ns));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** What was taken from each source; read only once this agent's thread has stopped. */
    public List<SourceTally> sourceTallies()
    {
        return acks.tallies();
    }

    @Override
    public void onClose()
    {
        link.close();
        socket = null;
    }

    @Override
    public String roleName()
    {
        return "broker-receiver";
    }

    /**
     * Waits for the bind that {@link #onStart()} performs on the receiver thread.
     *
     * @return the endpoint really bound (with the chosen port for an ephemeral one).
     * @throws ConfigException naming the endpoint when it cannot be bound.
     */
    public Endpoint awaitBound(final long timeoutMs)
    {
        return bound.await(timeoutMs);
    }
}
