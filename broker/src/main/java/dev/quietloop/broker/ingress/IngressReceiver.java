package dev.quietloop.broker.ingress;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.lmax.disruptor.RingBuffer;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.broker.ring.FrameSlot;
import dev.quietloop.protocol.Frame;
import dev.quietloop.protocol.config.ConfigException;
import dev.quietloop.protocol.config.Endpoint;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import org.agrona.concurrent.Agent;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Owns the ingest PULL socket: binds it on its own thread, then moves frames into the broker
 * ring, reading only their headers. It receives a frame only when the ring has a free slot, so
 * a slow sidecar pushes back through the sockets to the bots instead of losing frames here.
 * While {@code brokerDwell} is timed, it stamps each frame with the time it came off the socket.
 */
public final class IngressReceiver implements Agent
{
    /** Bounds one duty cycle so the runner's idle strategy and close checks stay responsive. */
    private static final int FRAMES_PER_CYCLE = 64;

    private final Endpoint endpoint;
    private final SocketSettings settings;
    private final SocketFactory sockets;
    private final RingBuffer<FrameSlot> ring;
    private final BrokerCounters counters;
    private final FrameSlot staging;
    private final boolean stampReceipt;
    private final CompletableFuture<Endpoint> bound = new CompletableFuture<>();
    private ZContext context;
    private ZMQ.Socket socket;

    /**
     * @param sockets makes the PULL socket in {@link #onStart()}: {@link SocketFactory#PULL}, or a test's
     *                that counts JeroMQ's bytes.
     */
    public IngressReceiver(
        final Endpoint endpoint,
        final SocketSettings settings,
        final SocketFactory sockets,
        final RingBuffer<FrameSlot> ring,
        final BrokerCounters counters,
        final boolean stampReceipt)
    {
        this.endpoint = endpoint;
        this.settings = settings;
        this.sockets = sockets;
        this.ring = ring;
        this.counters = counters;
        this.staging = new FrameSlot(ring.get(0).capacity()); // a larger frame is counted as bad
        this.stampReceipt = stampReceipt;
    }

    @Override
    public void onStart()
    {
        context = new ZContext(1);
        socket = sockets.create(settings, context);
        try
        {
            bound.complete(SocketSettings.bind(socket, endpoint));
        }
        catch (final ConfigException ex)
        {
            bound.completeExceptionally(ex);
            socket = null; // the context closes it in onClose
        }
    }

    @Override
    public int doWork()
    {
        if (null == socket)
        {
            return 0;
        }
        final byte[] buffer = staging.bytes();
        final int capacity = buffer.length;
        int frames = 0;
        while (frames < FRAMES_PER_CYCLE && ring.hasAvailableCapacity(1))
        {
            final int length = socket.recv(buffer, 0, capacity, ZMQ.DONTWAIT);
            if (length < 0)
            {
                break;
            }
            onFrame(length, capacity, stampReceipt ? System.nanoTime() : 0);
            frames++;
        }
        return frames;
    }

    /** @param receivedNs when the frame came off the socket, for the forwarder's {@code brokerDwell} hop; or 0 */
    private void onFrame(final int length, final int capacity, final long receivedNs)
    {
        final byte[] buffer = staging.bytes();
        if (length > capacity || !Frame.hasValidHeader(buffer, length))
        {
            counters.badFrames().incrementRelease();
            return;
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
    }

    @Override
    public void onClose()
    {
        if (null != context)
        {
            context.close();
            context = null;
            socket = null;
        }
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
        try
        {
            return bound.get(timeoutMs, TimeUnit.MILLISECONDS);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof ConfigException)
            {
                throw (ConfigException)ex.getCause();
            }
            throw new IllegalStateException("ingest bind failed: " + ex.getCause(), ex.getCause());
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalStateException("ingest socket not bound after " + timeoutMs + " ms");
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + endpoint);
        }
    }
}
