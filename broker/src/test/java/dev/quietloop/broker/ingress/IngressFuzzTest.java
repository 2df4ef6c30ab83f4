package dev.quietloop.broker.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.broker.ring.BrokerRing;
import dev.quietloop.broker.ring.FrameSlot;
import dev.quietloop.broker.ring.TestFrames;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.wire.testing.ForgedFrames;
import dev.quietloop.wire.testing.ForgedFrames.Forged;
import dev.quietloop.protocol.testing.ZmtpPeer;
import dev.quietloop.protocol.testing.Doorbells;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Hostile and broken peers at the broker's ingest, over raw TCP on loopback, with fixed seeds and
 * bounded loops: none may stop the ingest, every refused frame is counted by its kind where the
 * count is deterministic, and a real bot's frames all arrive afterwards. The receiver's duty cycle
 * runs on the test thread.
 */
@Timeout(120)
class IngressFuzzTest
{
    private static final long SEED = 15;
    private static final int REPEATS = 3;

    private final BrokerCounters counters = new BrokerCounters();
    private final Sequence consumed = new Sequence();
    private final RingBuffer<FrameSlot> ring = BrokerRing.create(1024, Frame.DEFAULT_MAX_FRAME_BYTES);
    private final IngressReceiver receiver = new IngressReceiver(
        new IngressSettings(Endpoint.loopback(Endpoint.EPHEMERAL), SocketSettings.DEFAULTS, false, IngressReceiver.ANY_SOURCE),
        SocketFactory.ROUTER, ring, Doorbells.unattended(), counters, System.err);
    private Endpoint ingest;

    @BeforeEach
    void start()
    {
        ring.addGatingSequences(consumed);
        receiver.onStart();
        ingest = receiver.awaitBound(1_000);
    }

    @AfterEach
    void stop()
    {
        receiver.onClose();
    }

    @Test
    void shouldRefuseFrameSizesWithTheTopBitSetWithoutLosingTheIngest()
    {
        final long[] sizes = {
            0x8000_0000_F000_0000L, // low 32 bits negative: NegativeArraySizeException in JeroMQ 0.6.0
            0x8000_0000_5C5C_5C5CL, // low 32 bits 1.5 GB: OutOfMemoryError for direct memory
            0xFFFF_FFFF_FFFF_FFFFL,
            Long.MIN_VALUE };
        final List<ZmtpPeer> peers = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++)
        {
            for (final long size : sizes)
            {
                peers.add(ZmtpPeer.connect(ingest).handshakeAs("DEALER").announce(size, new byte[0]));
            }
        }
        final int announced = REPEATS * sizes.length;
        // each forged size leaves an empty message, which is no frame of ours
        receiveUntil(() -> counters.badFrames().get() >= announced);
        peers.forEach(ZmtpPeer::close);

        assertEquals(announced, counters.rejected(Frame.REJECTED_BAD_HEADER).get());
        assertNoTransportFailure();
        assertRealBotIsServed(1);
    }

    @Test
    void shouldDropPeersAnnouncingGigabytesWithoutLosingTheIngest()
    {
        for (int i = 0; i < REPEATS; i++)
        {
            try (ZmtpPeer peer = ZmtpPeer.connect(ingest))
            {
                peer.handshakeAs("DEALER").announce(0x5C5C_5C5CL, new byte[4096]).announce(3L << 30, new byte[4096]);
            }
        }

        assertRealBotIsServed(2);
        assertEquals(0, counters.badFrames().get(), "JeroMQ refuses the size; nothing reaches the receiver");
        assertNoTransportFailure();
    }

    @Test
    void shouldCountWellFormedZeroMqFramesWithRandomBodiesAsBadFrames()
    {
        final Random random = new Random(SEED);
        final int frames = 200;
        try (ZmtpPeer peer = ZmtpPeer.connect(ingest).handshakeAs("DEALER"))
        {
            for (int i = 0; i < frames; i++)
            {
                final byte[] body = new byte[1 + random.nextInt(600)];
                random.nextBytes(body);
                peer.message(body);
            }
            receiveUntil(() -> counters.badFrames().get() >= frames);
        }

        assertEquals(frames, counters.badFrames().get());
        assertEquals(0, counters.framesReceived().get());
        assertEquals(frames, sumOfRejections());
        assertNoTransportFailure();
        assertRealBotIsServed(3);
    }

    @Test
    void shouldCountEveryForgedFrameByItsKindAndForwardNone()
    {
        final List<Forged> forged = ForgedFrames.all();
        final long[] expected = new long[Frame.VALIDATION_RESULTS];
        try (ZmtpPeer peer = ZmtpPeer.connect(ingest).handshakeAs("DEALER"))
        {
            for (int i = 0; i < REPEATS; i++)
            {
                for (final Forged frame : forged)
                {
                    peer.message(frame.bytes());
                    expected[frame.rejection()]++;
                }
            }
            receiveUntil(() -> counters.badFrames().get() >= (long)REPEATS * forged.size());
        }

        for (int result = Frame.REJECTED_TOO_LARGE; result < Frame.VALIDATION_RESULTS; result++)
        {
            assertEquals(expected[result], counters.rejected(result).get(), Frame.rejectionName(result));
        }
        assertEquals((long)REPEATS * forged.size(), counters.badFrames().get());
        assertEquals(0, counters.framesReceived().get());
        assertEquals(0, counters.endOfStreams().get(), "a forged end of stream must not end a run");
        assertEquals(RingBuffer.INITIAL_CURSOR_VALUE, ring.getCursor(), "nothing forged is forwarded");
        assertRealBotIsServed(4);
    }

    @Test
    void shouldCountFramesLargerThanTheRingSlotAsTooLarge()
    {
        final byte[] large = new byte[Frame.DEFAULT_MAX_FRAME_BYTES + 1];
        try (ZmtpPeer peer = ZmtpPeer.connect(ingest).handshakeAs("DEALER"))
        {
            peer.message(large).message(large);
            receiveUntil(() -> counters.badFrames().get() >= 2);
        }

        assertEquals(2, counters.rejected(Frame.REJECTED_TOO_LARGE).get());
        assertRealBotIsServed(5);
    }

    @Test
    void shouldServeARealBotAfterFortyHostileConnections()
    {
        final Random random = new Random(SEED);
        for (int i = 0; i < 40; i++)
        {
            final ZmtpPeer peer = ZmtpPeer.connect(ingest);
            if (i % 2 == 0)
            {
                peer.write(ZmtpPeer.greeting());
            }
            peer.random(random, 1024 + random.nextInt(4096));
            if (i % 3 == 0)
            {
                peer.abort();
            }
            else
            {
                peer.close();
            }
            step();
        }
        try (ZmtpPeer peer = ZmtpPeer.connect(ingest).handshakeAs("DEALER"))
        {
            for (int i = 0; i < 20; i++)
            {
                peer.announce(random.nextLong() | Long.MIN_VALUE, new byte[0]).random(random, 100);
            }
        }

        assertRealBotIsServed(6);
        assertNoTransportFailure();
        assertEquals(counters.badFrames().get(), sumOfRejections());
    }

    /** A PUSH peer of the project's own, with the broker's socket settings: all its frames arrive and count. */
    private void assertRealBotIsServed(final int sourceId)
    {
        final long framesBefore = counters.framesReceived().get();
        final long eventsBefore = counters.eventsReceived().get();
        final int frames = 100;
        final int eventsPerFrame = 5;
        try (ZContext context = new ZContext(1))
        {
            final ZMQ.Socket bot = SocketSettings.DEFAULTS.dealer(context);
            SocketSettings.connect(bot, ingest);
            for (int i = 0; i < frames; i++)
            {
                final byte[] frame = ForgedFrames.business(sourceId, 1 + (long)i * eventsPerFrame, eventsPerFrame);
                assertTrue(TestFrames.until(() -> bot.send(frame, 0, frame.length, ZMQ.DONTWAIT), this::step));
            }
            final byte[] end = ForgedFrames.control(EventType.END_OF_STREAM, sourceId, (long)frames * eventsPerFrame);
            assertTrue(TestFrames.until(() -> bot.send(end, 0, end.length, ZMQ.DONTWAIT), this::step));
            receiveUntil(() -> counters.framesReceived().get() >= framesBefore + frames + 1);
        }

        assertEquals(framesBefore + frames + 1, counters.framesReceived().get());
        assertEquals(eventsBefore + (long)frames * eventsPerFrame, counters.eventsReceived().get());
        assertEquals(1, counters.endOfStreams().get());
    }

    private void assertNoTransportFailure()
    {
        assertFalse(receiver.transportWatch().hasFailed(), String.valueOf(receiver.transportWatch().failure()));
        assertEquals(0, counters.ingressRestarts().get());
        assertNull(receiver.failure());
    }

    private long sumOfRejections()
    {
        long sum = 0;
        for (int result = Frame.REJECTED_TOO_LARGE; result < Frame.VALIDATION_RESULTS; result++)
        {
            sum += counters.rejected(result).get();
        }
        return sum;
    }

    private void receiveUntil(final java.util.function.BooleanSupplier done)
    {
        assertTrue(TestFrames.until(done, this::step));
    }

    /** One duty cycle, then the test's consumer frees every published slot. */
    private void step()
    {
        receiver.doWork();
        consumed.set(ring.getCursor());
    }
}
