package dev.quietloop.broker.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.broker.ring.BrokerRing;
import dev.quietloop.broker.ring.FrameSlot;
import dev.quietloop.broker.ring.TestFrames;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.testing.SocketAllocations;
import dev.quietloop.protocol.testing.SocketAllocations.CountingSocket;
import dev.quietloop.protocol.testing.SocketAllocations.CountingSocketFactory;
import dev.quietloop.protocol.testing.Doorbells;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The receiver's duty cycle allocates nothing of ours per frame: frames pushed over loopback TCP
 * are received and published into the ring by {@code doWork()} on this thread, and once warm a run
 * of {@value #FRAMES} frames allocates zero bytes outside JeroMQ's own calls (its receive in the
 * receiver, the test's send). JeroMQ's bytes are counted call by call rather than taken from a
 * JeroMQ-only run: the tens of bytes it allocates now and then as it signals its I/O thread depend
 * on that thread's timing, and moved such a baseline (receiver and forwarder together) by up to
 * 15 kB per 10,000 frames from run to run: as much as a 16-byte object of ours every tenth frame.
 * Bytes, never time.
 */
@Timeout(60)
class IngressReceiverAllocationTest
{
    private static final int FRAMES = 2_000;
    /** Enough runs for the JIT to compile the whole path; the first ones warm it up. */
    private static final int ATTEMPTS = 20;
    /** Frames in flight at once: under the high-water mark, so the test's send is never refused. */
    private static final int BATCH = 100;
    private static final int RING_SIZE = 64;
    private static final long IDLE_NS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(30);
    /** Mostly ten-event frames, with the sizes, control frames and bad frames a run also sees. */
    private static final byte[][] MIX = {
        TestFrames.business(10), TestFrames.business(10), TestFrames.business(1), TestFrames.business(10),
        TestFrames.business(40), TestFrames.heartbeat(), TestFrames.business(10), new byte[]{ 1, 2, 3, 4, 5, 6, 7, 8 },
        TestFrames.business(10), TestFrames.endOfStream() };
    private static final int MIX_BAD_FRAMES = 1;
    private static final int MIX_EVENTS = 10 + 10 + 1 + 10 + 40 + 10 + 10;

    private final BrokerCounters counters = new BrokerCounters();
    private final RingBuffer<FrameSlot> ring = BrokerRing.create(RING_SIZE, Frame.DEFAULT_MAX_FRAME_BYTES);
    private final Sequence consumed = new Sequence();
    private final ZContext botContext = new ZContext(1);
    private final CountingSocketFactory ingestSockets = new CountingSocketFactory(SocketFactory.ROUTER);
    private final IngressReceiver receiver = new IngressReceiver(
        new IngressSettings(Endpoint.loopback(Endpoint.EPHEMERAL), SocketSettings.DEFAULTS, true, IngressReceiver.ANY_SOURCE),
        ingestSockets, ring, Doorbells.unattended(), counters, System.err);
    private CountingSocket bot;
    private long runs;

    @AfterEach
    void close()
    {
        receiver.onClose();
        botContext.close();
    }

    @Test
    void shouldAllocateNothingOfOursPerFrameOnceWarm()
    {
        ring.addGatingSequences(consumed); // the test consumes every slot as soon as it is published
        receiver.onStart();
        final CountingSocket ingest = ingestSockets.socket();
        bot = new CountingSocket(SocketSettings.DEFAULTS.dealer(botContext));
        SocketSettings.connect(bot, receiver.awaitBound(1_000));

        final long bytes = SocketAllocations.fewestBytesOutside(this::pushAndReceive, ATTEMPTS, ingest, bot);

        final long frames = runs * FRAMES;
        final long jeromqBytesPerFrame = (ingest.allocatedBytes() + bot.allocatedBytes()) / frames;
        assertEquals(0, bytes, "bytes of ours over " + FRAMES + " frames (JeroMQ's own: " + jeromqBytesPerFrame +
            " per frame, not counted)");
        assertEquals(frames, counters.framesReceived().get() + counters.badFrames().get());
        assertEquals(frames / MIX.length * MIX_BAD_FRAMES, counters.badFrames().get());
        assertEquals(frames / MIX.length * MIX_EVENTS, counters.eventsReceived().get());
    }

    /** Pushes {@link #FRAMES} frames and receives them; nothing here allocates but JeroMQ. */
    private void pushAndReceive()
    {
        final long deadlineNs = System.nanoTime() + DEADLINE_NS;
        for (int sent = 0; sent < FRAMES; sent += BATCH)
        {
            for (int i = 0; i < BATCH; i++)
            {
                final byte[] frame = MIX[(sent + i) % MIX.length];
                if (!bot.send(frame, 0, frame.length, ZMQ.DONTWAIT))
                {
                    throw new AssertionError("the test's socket refused a frame");
                }
            }
            final long target = runs * FRAMES + sent + BATCH;
            while (counters.framesReceived().get() + counters.badFrames().get() < target)
            {
                final int received = receiver.doWork();
                consumed.set(ring.getCursor());
                if (0 == received)
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
}
