package dev.quietloop.broker.forward;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.broker.ring.FrameSlot;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.wake.Doorbell;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.BindLatch;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Polls the broker ring and PUSHes each frame to the sidecar. The time from the first send
 * attempt until the socket accepts the frame, retries included, is the headline latency. A frame
 * the sidecar does not take is retried until it is, or until {@link #giveUp()} at the drain
 * deadline; from then on each frame gets one attempt and what is refused stays undelivered.
 * The same first attempt ends the frame's {@code brokerDwell} hop, once per business event in it.
 */
public final class SidecarForwarder implements Agent, EventPoller.Handler<FrameSlot>
{
    private final Endpoint sidecar;
    private final SocketSettings settings;
    private final SocketFactory sockets;
    private final EventPoller<FrameSlot> poller;
    private final Doorbell doorbell;
    private final IdleStrategy retryIdle;
    private final SingleWriterRecorder recorder;
    private final long highestTrackableNs;
    private final BrokerCounters counters;
    private final HopLatency brokerDwell;
    private final BindLatch connected;
    private final SidecarLinkWatch linkWatch;
    private volatile boolean giveUp;
    private ZContext context;
    private ZMQ.Socket socket;

    /**
     * Registers as the ring's only gating consumer: build it before anything publishes.
     *
     * @param sockets makes the PUSH socket in {@link #onStart()}: {@link SocketFactory#PUSH}, or a test's that
     *                counts JeroMQ's bytes.
     */
    public SidecarForwarder(
        final ForwarderSettings settings,
        final SocketFactory sockets,
        final RingBuffer<FrameSlot> ring,
        final SingleWriterRecorder recorder,
        final BrokerCounters counters,
        final HopLatency brokerDwell)
    {
        this.sidecar = settings.sidecar();
        this.settings = settings.sockets();
        this.sockets = sockets;
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.doorbell = new Doorbell(() -> ring.getCursor() > poller.getSequence().get());
        this.retryIdle = settings.retryIdle().newRetryStrategy(); // not shared with the agent runner
        this.recorder = recorder;
        this.highestTrackableNs = settings.highestTrackableNs();
        this.connected = new BindLatch("sidecar link to " + sidecar);
        this.counters = counters;
        this.brokerDwell = brokerDwell;
        this.linkWatch = new SidecarLinkWatch(counters);
    }

    /**
     * What this forwarder blocks on when it idles with {@code wake}: the receiver rings it after it
     * publishes frames into the ring.
     */
    public Doorbell doorbell()
    {
        return doorbell;
    }

    @Override
    public void onStart()
    {
        context = new ZContext(1);
        socket = sockets.create(settings, context);
        socket.setEventHook(linkWatch, SidecarLinkWatch.EVENTS); // before the connect: no event is missed
        try
        {
            SocketSettings.connect(socket, sidecar);
            connected.bound(sidecar);
        }
        catch (final ConfigException ex)
        {
            connected.failed(ex);
            socket = null; // the context closes it in onClose
        }
    }

    @Override
    public int doWork() throws Exception
    {
        if (null == socket)
        {
            return 0;
        }
        return poller.poll(this) == EventPoller.PollState.PROCESSING ? 1 : 0;
    }

    @Override
    public boolean onEvent(final FrameSlot slot, final long sequence, final boolean endOfBatch)
    {
        forward(slot);
        return true;
    }

    private void forward(final FrameSlot slot)
    {
        final ZMQ.Socket socket = this.socket;
        final byte[] bytes = slot.bytes();
        final int length = slot.length();

        final long startNs = System.nanoTime();
        brokerDwell.record(slot.receivedNs(), startNs, slot.businessEvents(), slot.isWarmUp());
        boolean sent = socket.send(bytes, 0, length, ZMQ.DONTWAIT);
        while (!sent && !giveUp)
        {
            counters.sendRetries().incrementRelease();
            retryIdle.idle();
            sent = socket.send(bytes, 0, length, ZMQ.DONTWAIT);
        }
        if (sent)
        {
            recorder.recordValue(Math.min(System.nanoTime() - startNs, highestTrackableNs));
            counters.eventsForwarded().getAndAddRelease(slot.businessEvents());
            counters.framesForwarded().incrementRelease();
        }
        retryIdle.reset();
    }

    /** Stops waiting for the sidecar: called from another thread at the drain deadline. */
    public void giveUp()
    {
        giveUp = true;
    }

    /**
     * Closes the socket with a linger, so that frames it accepted but has not yet written (to a
     * sidecar still connecting, say) get time to leave; a bare {@code ZContext.close()} would apply
     * the context's own linger, 0, and drop them, though they are counted forwarded. The linger
     * outlasts the handshake interval: JeroMQ 0.6.0 now and then leaves a fresh connection stuck
     * (jeromq#1022), and only the redial after that interval delivers what was queued for it.
     */
    @Override
    public void onClose()
    {
        linkWatch.stopWatching();
        if (null != context)
        {
            if (null != socket)
            {
                SocketSettings.close(context, socket, settings.lingerMs() + settings.handshakeIvlMs());
            }
            context.close();
            context = null;
            socket = null;
        }
    }

    @Override
    public String roleName()
    {
        return "broker-forwarder";
    }

    /**
     * Waits for the connect that {@link #onStart()} performs on the forwarder thread.
     *
     * @throws ConfigException naming the endpoint when it cannot be connected to.
     */
    public Endpoint awaitConnected(final long timeoutMs)
    {
        return connected.await(timeoutMs);
    }
}
