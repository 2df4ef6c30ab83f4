package dev.quietloop.bot.send;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.EventPoller;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.FrameEncoder;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.latency.HopLatency;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The agent on the sender thread. Each duty cycle polls the bot ring, appends business events to
 * a bounded frame (sending it whenever it fills and at the end of the batch), and when idle for
 * the heartbeat interval sends a heartbeat with the counters. A frame is retried until the socket
 * takes it, never dropped, unless the run abandons the drain; what is then left is counted unsent.
 * The end of stream goes out in a control frame of its own with {@code eventsSent} filled in.
 * <p>
 * The PUSH socket is created in {@link #onStart()}, used and closed on this agent's thread only.
 */
public final class EventSender implements Agent, EventPoller.Handler<Event>
{
    /** The agent's role, which its {@link org.agrona.concurrent.AgentRunner} also names the thread after. */
    public static final String ROLE_NAME = "bot-sender";

    private final ZContext context;
    private final Endpoint broker;
    private final SocketSettings settings;
    private final SocketFactory sockets;
    private final EventPoller<Event> poller;
    private final FrameEncoder encoder;
    private final IdleStrategy retryIdleStrategy;
    private final NanoClock clock;
    private final long heartbeatIntervalNs;
    private final long linkWaitMs;
    private final BotCounters counters;
    private final RunControl control;
    private final Event heartbeat = new Event();
    private final EventPoller.Handler<Event> unsentCounter;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch endOfStreamAcked = new CountDownLatch(1);
    private final AckReader acks;
    private final HopLatency ringToSend;
    /** When each business event of the pending frame entered the ring, while {@link #ringToSend} is timed. */
    private final long[] pendingRingNs;
    /** Each business event's sequence, beside {@link #pendingRingNs}: the hop leaves out the warm-up by it. */
    private final long[] pendingSequences;

    private volatile RuntimeException startFailure;
    private ZMQ.Socket socket;
    private long lastSendNs;
    private boolean endOfStreamSent;
    private boolean gaveUp;

    /**
     * @param sockets           makes the PUSH socket in {@link #onStart()}: {@link SocketFactory#PUSH}, or a
     *                          test's that counts JeroMQ's bytes
     * @param retryIdleStrategy idles between attempts to send a frame the socket refused; may be
     *                          the runner's own strategy, as both run on this agent's thread
     * @param linkWaitMs        how long {@link #onStart()} waits for the broker's handshake (0: no wait)
     */
    public EventSender(
        final ZContext context,
        final Endpoint broker,
        final SocketSettings settings,
        final SocketFactory sockets,
        final EventPoller<Event> poller,
        final int maxFrameBytes,
        final long heartbeatIntervalNs,
        final long linkWaitMs,
        final IdleStrategy retryIdleStrategy,
        final NanoClock clock,
        final BotCounters counters,
        final RunControl control,
        final int sourceId,
        final long epoch,
        final HopLatency ringToSend)
    {
        this.context = context;
        this.broker = broker;
        this.settings = settings;
        this.sockets = sockets;
        this.poller = poller;
        this.encoder = new FrameEncoder(maxFrameBytes);
        this.retryIdleStrategy = retryIdleStrategy;
        this.clock = clock;
        this.heartbeatIntervalNs = heartbeatIntervalNs;
        this.linkWaitMs = linkWaitMs;
        this.counters = counters;
        this.control = control;
        this.ringToSend = ringToSend;
        final int timedPerFrame = ringToSend.isEnabled() ? maxFrameBytes / Event.HEADER_BYTES + 1 : 0;
        this.pendingRingNs = new long[timedPerFrame];
        this.pendingSequences = new long[timedPerFrame];
        this.acks = new AckReader(counters, sourceId, epoch);
        this.heartbeat.type = EventType.HEARTBEAT;
        this.heartbeat.sourceId = sourceId;
        this.heartbeat.epoch = epoch;
        this.unsentCounter = (event, sequence, endOfBatch) ->
        {
            if (!EventType.isControl(event.type))
            {
                counters.unsent.incrementRelease();
            }
            return true;
        };
    }

    @Override
    public String roleName()
    {
        return ROLE_NAME;
    }

    @Override
    public void onStart()
    {
        try
        {
            socket = sockets.create(settings, context);
            LinkWait.connect(socket, broker, linkWaitMs, control, counters);
            lastSendNs = clock.nanoTime();
        }
        catch (final RuntimeException ex)
        {
            startFailure = ex;
            if (socket != null)
            {
                socket.close();
                socket = null;
            }
        }
        finally
        {
            started.countDown();
        }
    }

    @Override
    public int doWork() throws Exception
    {
        if (socket == null || gaveUp)
        {
            return 0;
        }
        if (control.isAbandoned())
        {
            gaveUp = true;
            return 0;
        }
        int workCount = acks.poll(socket);
        if (endOfStreamSent)
        {
            if (acks.isEndOfStreamAcked())
            {
                endOfStreamAcked.countDown();
            }
            return workCount;
        }
        if (poller.poll(this) == EventPoller.PollState.PROCESSING)
        {
            workCount++;
        }
        if (!encoder.isEmpty() && !gaveUp)
        {
            sendPending();
        }
        if (workCount == 0 && !gaveUp && !endOfStreamSent)
        {
            workCount += sendHeartbeatIfDue();
        }
        return workCount;
    }

    @Override
    public boolean onEvent(final Event event, final long sequence, final boolean endOfBatch)
    {
        if (event.type == EventType.END_OF_STREAM)
        {
            return sendEndOfStream(event);
        }
        if (!encoder.tryAppend(event))
        {
            if (!sendPending())
            {
                counters.unsent.incrementRelease();
                return false;
            }
            encoder.tryAppend(event);
        }
        if (ringToSend.isEnabled())
        {
            final int index = encoder.eventCount() - 1;
            pendingRingNs[index] = event.ringNs;
            pendingSequences[index] = event.sequence;
        }
        return true;
    }

    @Override
    public void onClose()
    {
        countUnsent();
        if (socket != null)
        {
            SocketSettings.close(context, socket, control.closeLingerMs(clock.nanoTime(), settings.lingerMs()));
            socket = null;
        }
    }

    /**
     * Waits until the socket is created and connected, and the link wait is over.
     *
     * @throws RuntimeException the failure of {@link #onStart()}, such as a bad endpoint.
     */
    public void awaitStarted(final long timeoutMs) throws InterruptedException
    {
        if (!started.await(timeoutMs, TimeUnit.MILLISECONDS))
        {
            throw new IllegalStateException("sender did not start within " + timeoutMs + " ms");
        }
        final RuntimeException failure = startFailure;
        if (failure != null)
        {
            throw failure;
        }
    }

    /** @return true once the end of stream has been handed to the socket. */
    public boolean awaitFinished(final long timeoutNs) throws InterruptedException
    {
        return finished.await(Math.max(0, timeoutNs), TimeUnit.NANOSECONDS);
    }

    /**
     * Waits, after {@link #awaitFinished}, for the broker to acknowledge the end of stream: then it
     * has taken every event before it, and {@code bot.eventsAcked} says how many.
     *
     * @return true if it did within the timeout.
     */
    public boolean awaitEndOfStreamAcked(final long timeoutNs) throws InterruptedException
    {
        return endOfStreamAcked.await(Math.max(0, timeoutNs), TimeUnit.NANOSECONDS);
    }

    public boolean isFinished()
    {
        return finished.getCount() == 0;
    }

    private boolean sendEndOfStream(final Event endOfStream)
    {
        if (!encoder.isEmpty() && !sendPending())
        {
            return false;
        }
        endOfStream.eventsSent = counters.eventsSent.getPlain();
        encoder.control(endOfStream);
        if (sendFrame())
        {
            endOfStreamSent = true;
            finished.countDown();
        }
        else
        {
            gaveUp = true;
        }
        encoder.reset(0);
        return false;
    }

    /** Sends the pending frame; if the drain is abandoned, counts its events as unsent instead. */
    private boolean sendPending()
    {
        final int eventCount = encoder.eventCount();
        final boolean sent = sendFrame();
        if (sent)
        {
            counters.eventsSent.getAndAddRelease(eventCount);
            if (ringToSend.isEnabled())
            {
                recordRingToSend(eventCount);
            }
        }
        else
        {
            counters.unsent.getAndAddRelease(eventCount);
            gaveUp = true;
        }
        encoder.reset(0);
        return sent;
    }

    private boolean sendFrame()
    {
        final byte[] buffer = encoder.buffer();
        final int length = encoder.length();
        final IdleStrategy idleStrategy = retryIdleStrategy;
        idleStrategy.reset();
        while (!socket.send(buffer, 0, length, ZMQ.DONTWAIT))
        {
            if (control.isAbandoned())
            {
                return false;
            }
            idleStrategy.idle();
        }
        counters.framesSent.incrementRelease();
        lastSendNs = clock.nanoTime();
        return true;
    }

    /**
     * Every event of the frame just sent was handed to the socket now. The clock is the one that
     * stamped {@link Event#ringNs}, not the agent's {@link NanoClock}, which a test may replace.
     */
    private void recordRingToSend(final int eventCount)
    {
        final long sentNs = System.nanoTime();
        final long[] ringNs = pendingRingNs;
        final long[] sequences = pendingSequences;
        for (int i = 0; i < eventCount; i++)
        {
            ringToSend.recordEvent(sequences[i], ringNs[i], sentNs);
        }
    }

    /** A heartbeat is not a business event: offered once, skipped if the socket is full. */
    private int sendHeartbeatIfDue()
    {
        final long nowNs = clock.nanoTime();
        if (nowNs - lastSendNs < heartbeatIntervalNs)
        {
            return 0;
        }
        lastSendNs = nowNs;
        final Event event = heartbeat;
        event.originNs = nowNs;
        event.ticks = counters.ticks.get();
        event.eventsProduced = counters.eventsProduced.get();
        event.ringRejected = counters.ringRejected.get();
        event.eventsSent = counters.eventsSent.getPlain();
        encoder.control(event);
        if (socket.send(encoder.buffer(), 0, encoder.length(), ZMQ.DONTWAIT))
        {
            counters.heartbeatsSent.incrementRelease();
            counters.framesSent.incrementRelease();
        }
        encoder.reset(0);
        return 1;
    }

    private void countUnsent()
    {
        try
        {
            while (poller.poll(unsentCounter) == EventPoller.PollState.PROCESSING)
            {
                // each call counts what is published so far
            }
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("cannot count unsent events", ex);
        }
    }
}
