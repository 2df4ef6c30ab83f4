package dev.quietloop.sidecar.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.wire.testing.ForgedFrames;
import dev.quietloop.wire.testing.ForgedFrames.Forged;
import dev.quietloop.protocol.testing.ZmtpPeer;
import dev.quietloop.sidecar.check.SequenceChecker;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Hostile and broken peers at the stub's bind, over raw TCP on loopback, with fixed seeds and bounded
 * loops: none may stop the receiver, refused frames are counted by kind where that is deterministic,
 * and a real PUSH peer's events all arrive afterwards. The duty cycle runs on the test thread.
 */
@Timeout(120)
class SidecarFuzzTest
{
    private static final long SEED = 15;
    private static final int REPEATS = 3;
    private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(30);

    private final CounterRegistry counters = new CounterRegistry(64);
    private SidecarReceiver receiver;
    private Endpoint bound;

    @BeforeEach
    void start()
    {
        receiver = new SidecarReceiver(
            ReceiverSettings.of(Endpoint.loopback(Endpoint.EPHEMERAL), SocketSettings.DEFAULTS, TimeUnit.SECONDS.toNanos(1)),
            SocketFactory.PULL, FaultInjection.none(),
            new ReceiveTally(counters, new SequenceChecker(counters), HopLatency.of(Hop.END_TO_END, false), 0),
            SystemNanoClock.INSTANCE, pauseNs -> { }, () -> { });
        receiver.onStart();
        bound = receiver.awaitBound(1_000);
    }

    @AfterEach
    void stop()
    {
        receiver.onClose();
    }

    @Test
    void shouldRefuseTopBitFrameSizesAndServeARealPeer()
    {
        final long[] sizes = { 0x8000_0000_F000_0000L, 0x8000_0000_5C5C_5C5CL, -1L, Long.MIN_VALUE };
        final List<ZmtpPeer> peers = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++)
        {
            for (final long size : sizes)
            {
                peers.add(ZmtpPeer.connect(bound).handshake().announce(size, new byte[0]));
            }
        }
        receiveUntil(() -> counter(ReceiveTally.DECODE_ERRORS) >= REPEATS * sizes.length);
        peers.forEach(ZmtpPeer::close);

        assertEquals(REPEATS * sizes.length, counter("sidecar.rejectedBadHeader"));
        assertServesARealPeer(1);
        assertNoTransportFailure();
    }

    @Test
    void shouldCountEveryForgedFrameByItsKind()
    {
        final List<Forged> forged = ForgedFrames.all();
        final long[] expected = new long[Frame.VALIDATION_RESULTS];
        try (ZmtpPeer peer = ZmtpPeer.connect(bound).handshake())
        {
            for (int i = 0; i < REPEATS; i++)
            {
                for (final Forged frame : forged)
                {
                    peer.message(frame.bytes());
                    expected[frame.rejection()]++;
                }
            }
            // as long as a frame may be, all zeros; a longer one JeroMQ refuses (max message size) and drops the peer
            peer.message(new byte[Frame.MAX_FRAME_BYTES]);
            expected[Frame.REJECTED_BAD_HEADER]++;
            receiveUntil(() -> counter(ReceiveTally.DECODE_ERRORS) >= (long)REPEATS * forged.size() + 1);
        }

        for (int result = Frame.REJECTED_TOO_LARGE; result < Frame.VALIDATION_RESULTS; result++)
        {
            assertEquals(expected[result], counter(ReceiveTally.REJECTED_PREFIX + Frame.rejectionName(result)),
                Frame.rejectionName(result));
        }
        assertEquals(0, counter(ReceiveTally.EVENTS_RECEIVED), "no event of a forged frame counts");
        assertServesARealPeer(2);
    }

    @Test
    void shouldServeARealPeerAfterHostileConnections()
    {
        final Random random = new Random(SEED);
        for (int i = 0; i < 40; i++)
        {
            final ZmtpPeer peer = ZmtpPeer.connect(bound);
            if (i % 2 == 0)
            {
                peer.write(ZmtpPeer.greeting());
            }
            peer.random(random, 1024 + random.nextInt(4096));
            peer.abort();
            receiver.doWork();
        }
        final int frames = 100;
        try (ZmtpPeer peer = ZmtpPeer.connect(bound).handshake())
        {
            for (int i = 0; i < frames; i++)
            {
                final byte[] body = new byte[1 + random.nextInt(600)];
                random.nextBytes(body);
                peer.message(body);
            }
            peer.announce(0x5C5C_5C5CL, new byte[100]); // gigabytes: JeroMQ drops this peer
        }

        assertServesARealPeer(3);
        assertNoTransportFailure();
    }

    @Test
    void shouldRebindAndServeAgainAfterTheTransportFails()
    {
        assertServesARealPeer(4);
        receiver.transportWatch().fail(new IllegalStateException("injected"));

        receiver.doWork();

        assertEquals(1, counter(ReceiveTally.RECEIVER_RESTARTS));
        assertNull(receiver.failure());
        assertServesARealPeer(5);
    }

    private void assertServesARealPeer(final int sourceId)
    {
        final long eventsBefore = counter(ReceiveTally.EVENTS_RECEIVED);
        final int frames = 50;
        final int eventsPerFrame = 4;
        try (ZContext context = new ZContext(1))
        {
            final ZMQ.Socket push = SocketSettings.DEFAULTS.push(context);
            SocketSettings.connect(push, bound);
            for (int i = 0; i < frames; i++)
            {
                final byte[] frame = ForgedFrames.business(sourceId, 1 + (long)i * eventsPerFrame, eventsPerFrame);
                receiveUntil(() -> push.send(frame, 0, frame.length, ZMQ.DONTWAIT));
            }
            final byte[] end = ForgedFrames.control(EventType.END_OF_STREAM, sourceId, (long)frames * eventsPerFrame);
            receiveUntil(() -> push.send(end, 0, end.length, ZMQ.DONTWAIT));
            receiveUntil(() -> counter(ReceiveTally.EVENTS_RECEIVED) >= eventsBefore + (long)frames * eventsPerFrame);
        }
        assertEquals(eventsBefore + (long)frames * eventsPerFrame, counter(ReceiveTally.EVENTS_RECEIVED));
    }

    private void assertNoTransportFailure()
    {
        assertFalse(receiver.transportWatch().hasFailed(), String.valueOf(receiver.transportWatch().failure()));
        assertEquals(0, counter(ReceiveTally.RECEIVER_RESTARTS));
    }

    private long counter(final String name)
    {
        final Map<String, Long> snapshot = counters.snapshot();
        assertTrue(snapshot.containsKey(name), name);
        return snapshot.get(name);
    }

    private void receiveUntil(final BooleanSupplier done)
    {
        final long deadlineNs = System.nanoTime() + WAIT_NS;
        while (!done.getAsBoolean())
        {
            assertTrue(System.nanoTime() - deadlineNs < 0, "not done within the bound");
            if (receiver.doWork() == 0)
            {
                Thread.onSpinWait();
            }
        }
    }
}
