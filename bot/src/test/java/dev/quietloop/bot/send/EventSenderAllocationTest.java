package dev.quietloop.bot.send;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.quietloop.bot.config.SenderContext;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.testing.SocketAllocations;
import dev.quietloop.protocol.testing.SocketAllocations.CountingSocket;
import dev.quietloop.protocol.testing.SocketAllocations.CountingSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The sender's duty cycle allocates nothing of ours per event: events published into the bot ring
 * are polled, framed ten at a time, timed ({@code ringToSend}) and pushed over loopback TCP by
 * {@code doWork()} on this thread, with a heartbeat now and then, and once warm a run of
 * {@value #FRAMES} frames allocates zero bytes outside JeroMQ's own calls (its send in the sender,
 * the broker's receive). The test's publishing runs in the same window and allocates nothing either
 * ({@code TraderAllocationTest} proves that). JeroMQ's bytes are counted call by call rather than
 * taken from a JeroMQ-only run, whose bytes move with the timing of its I/O thread. Bytes, never time.
 */
@Timeout(60)
class EventSenderAllocationTest
{
    private static final int FRAMES = 2_000;
    private static final int EVENTS_PER_FRAME = 10;
    /** Enough runs for the JIT to compile the whole path; the first ones warm it up. */
    private static final int ATTEMPTS = 20;
    /** Frames in flight at once: under the high-water mark, so the sender's send is never refused. */
    private static final int BATCH = 100;
    private static final long HEARTBEAT_MS = 1_000;
    private static final long HEARTBEAT_NS = TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MS);
    private static final long IDLE_US = 50;
    private static final long IDLE_NS = TimeUnit.MICROSECONDS.toNanos(IDLE_US);
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(30);
    /** The first batch's events: the hop's test of the warm-up is on the measured path too, once passed. */
    private static final long WARMUP_EVENTS = BATCH * EVENTS_PER_FRAME;

    private final BotCounters counters = new BotCounters();
    private final RunControl control = new RunControl();
    private final EventRing ring = new EventRing(1024, counters.ringRejected, true);
    private final EventPublisher publisher =
        new EventPublisher(ring, 3, 99, counters.eventsProduced, counters.ringRejected);
    private final HopLatency ringToSend = HopLatency.of(Hop.RING_TO_SEND, true, WARMUP_EVENTS);
    private final byte[] received = new byte[Frame.MAX_FRAME_BYTES];
    private final ZContext brokerContext = new ZContext(1);
    private final ZContext senderContext = new ZContext(1);
    private final CountingSocketFactory senderSockets = new CountingSocketFactory(SocketFactory.DEALER);
    private CountingSocket broker;
    private EventSender sender;
    private long nowNs = 1_000;
    private long runs;

    @AfterEach
    void close()
    {
        if (null != sender)
        {
            sender.onClose();
        }
        senderContext.close();
        brokerContext.close();
    }

    @Test
    void shouldAllocateNothingOfOursPerEventOnceWarm()
    {
        broker = new CountingSocket(SocketSettings.DEFAULTS.router(brokerContext));
        final Endpoint endpoint = SocketSettings.bind(broker, Endpoint.loopback(Endpoint.EPHEMERAL));
        final SenderContext link = new SenderContext()
            .broker(endpoint.toString())
            .sourceId(3)
            .socketFactory(senderSockets)
            .heartbeatMs(HEARTBEAT_MS)
            .linkWaitMs(0)
            .idleSender(new IdleChoice("sleep:" + IDLE_US + "us"))
            .nanoClock(() -> nowNs)
            .sendLingerUs(0) // a frame per duty cycle: the clock moves only for heartbeats
            .conclude();
        sender = new EventSender(link, senderContext, ring, counters, control, 99, ringToSend);
        sender.onStart();
        final CountingSocket push = senderSockets.socket();

        final long bytes = SocketAllocations.fewestBytesOutside(this::publishAndSend, ATTEMPTS, push, broker);

        final long frames = runs * FRAMES;
        final long events = frames * EVENTS_PER_FRAME;
        final long jeromqBytesPerFrame = (push.allocatedBytes() + broker.allocatedBytes()) / frames;
        assertEquals(0, bytes, "bytes of ours over " + FRAMES * EVENTS_PER_FRAME + " events (JeroMQ's own: " +
            jeromqBytesPerFrame + " per frame of " + EVENTS_PER_FRAME + ", not counted)");
        assertEquals(events, counters.eventsSent.get());
        assertEquals(frames / BATCH, counters.heartbeatsSent.get());
        assertEquals(frames + frames / BATCH, counters.framesSent.get());
        assertEquals(events - WARMUP_EVENTS, ringToSend.total().getTotalCount(),
            "every event's ringToSend after the warm-up");
    }

    /**
     * Publishes and sends {@link #FRAMES} frames of ten events, and a heartbeat after every batch,
     * and receives them at the broker's socket; nothing here allocates but JeroMQ.
     */
    private void publishAndSend()
    {
        final long deadlineNs = System.nanoTime() + DEADLINE_NS;
        for (int sent = 0; sent < FRAMES; sent += BATCH)
        {
            for (int i = 0; i < BATCH; i++)
            {
                for (int e = 0; e < EVENTS_PER_FRAME; e++)
                {
                    publisher.beginTick(System.nanoTime(), 1_700_000_000_000_000_000L + e);
                    publisher.publishSignal(1, Event.SIDE_BUY, 1, 6_500_000_000_000L + e, e);
                }
                doWork(); // one frame of ten events, sent at the end of the batch
            }
            nowNs += HEARTBEAT_NS;
            doWork(); // nothing to send for a heartbeat interval: a heartbeat
            int arrived = 0;
            while (arrived < BATCH + 1)
            {
                if (broker.recv(received, 0, received.length, ZMQ.DONTWAIT) >= 0)
                {
                    arrived += broker.hasReceiveMore() ? 0 : 1; // a ROUTER hands the connection's identity first
                }
                else
                {
                    if (System.nanoTime() - deadlineNs > 0)
                    {
                        throw new AssertionError("frames not received in time");
                    }
                    LockSupport.parkNanos(IDLE_NS);
                }
            }
        }
        runs++;
    }

    private void doWork()
    {
        try
        {
            sender.doWork();
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }
}
