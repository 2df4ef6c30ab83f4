package dev.quietloop.broker.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

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
import dev.quietloop.protocol.testing.Doorbells;
import dev.quietloop.wire.testing.ForgedFrames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import zmq.Msg;

/**
 * JeroMQ's I/O thread failing under the ingest, forced by an allocator that throws on a poison frame
 * size, as JeroMQ 0.6.0 did on hostile sizes: the receiver notices, rebinds the same endpoint and
 * counts the restart, and frames flow again; or, when the dead thread keeps the port, it says so.
 */
@Timeout(60)
class IngressRestartTest
{
    /** No quietloop frame is this short, so only the test's poison has this size. */
    private static final int POISON_BYTES = 7;
    private static final int POISON_ATTEMPTS = 5;
    private static final long POISON_WAIT_S = 5;

    private final BrokerCounters counters = new BrokerCounters();
    private final Sequence consumed = new Sequence();
    private final RingBuffer<FrameSlot> ring = BrokerRing.create(256, Frame.DEFAULT_MAX_FRAME_BYTES);
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private IngressReceiver receiver;

    @AfterEach
    void close()
    {
        receiver.onClose();
    }

    @Test
    void shouldRebindTheSameEndpointAndServeAgainAfterTheIoThreadFails()
    {
        final Endpoint ingest = start(() -> new IllegalStateException("injected"));
        sendFramesAndAwait(ingest, 10, 1);

        poisonUntilRestarted(ingest);

        assertNull(receiver.failure());
        final String err = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(err.contains("ingest transport failed (java.lang.IllegalStateException: injected)"), err);
        assertTrue(err.contains("rebound " + ingest), err);
        assertEquals(1, err.lines().count(), err);
        sendFramesAndAwait(ingest, 10, 2);
        assertEquals(20, counters.framesReceived().get());
        assertEquals(1, counters.ingressRestarts().get());
    }

    @Test
    void shouldRestartOnAFailureReportedByTheWatch()
    {
        final Endpoint ingest = start(() -> new IllegalStateException("never thrown"));
        receiver.transportWatch().fail(new IllegalStateException("reported"));

        step();

        assertEquals(1, counters.ingressRestarts().get());
        assertFalse(receiver.transportWatch().hasFailed());
        sendFramesAndAwait(ingest, 5, 1);
    }

    @Test
    void shouldSayTheIngestIsLostWhenTheDeadThreadKeepsThePort()
    {
        final Endpoint ingest = start(() -> new OutOfMemoryError("injected"));
        sendFramesAndAwait(ingest, 3, 1);

        poisonUntilRestarted(ingest); // kills the I/O thread, whose listener usually keeps the port bound

        // Never silent: either the rebind failed and the receiver says the ingest is lost, or the
        // dead listener let go of the port in time (it does on a loaded machine) and frames flow.
        final String failure = receiver.failure();
        if (null != failure)
        {
            assertTrue(failure.startsWith("ingest lost: JeroMQ's I/O thread failed (java.lang.OutOfMemoryError: " +
                "injected)"), failure);
            assertTrue(failure.contains("cannot bind " + ingest), failure);
            assertEquals(0, receiver.doWork());
        }
        else
        {
            sendFramesAndAwait(ingest, 3, 1);
            assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("rebound " + ingest));
        }
        assertEquals(1, counters.ingressRestarts().get());
    }

    private Endpoint start(final Supplier<Throwable> failure)
    {
        ring.addGatingSequences(consumed);
        final SocketFactory poisoned = (settings, context) ->
        {
            final ZMQ.Socket socket = SocketFactory.ROUTER.create(settings, context);
            socket.setMsgAllocator(size ->
            {
                if (size == POISON_BYTES)
                {
                    throw sneaky(failure.get());
                }
                return new Msg(size);
            });
            return socket;
        };
        receiver = new IngressReceiver(
            new IngressSettings(Endpoint.loopback(Endpoint.EPHEMERAL), SocketSettings.DEFAULTS, false, IngressReceiver.ANY_SOURCE),
            poisoned, ring, Doorbells.unattended(), counters, new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        receiver.onStart();
        return receiver.awaitBound(1_000);
    }

    private void sendFramesAndAwait(final Endpoint ingest, final int frames, final int sourceId)
    {
        final long before = counters.framesReceived().get();
        try (ZContext context = new ZContext(1))
        {
            final ZMQ.Socket bot = SocketSettings.DEFAULTS.dealer(context);
            SocketSettings.connect(bot, ingest);
            for (int i = 0; i < frames; i++)
            {
                final byte[] frame = ForgedFrames.business(sourceId, 1 + i, 1);
                assertTrue(TestFrames.until(() -> bot.send(frame, 0, frame.length, ZMQ.DONTWAIT), this::step));
            }
            assertTrue(TestFrames.until(() -> counters.framesReceived().get() >= before + frames, this::step));
        }
        assertEquals(before + frames, counters.framesReceived().get());
    }

    /**
     * Sends the poison and steps the receiver until it restarts once. A poison that caused no restart
     * within a few seconds is dropped unsent (a linger of 0) and sent again on a new connection: in
     * full builds one was once never seen by the ingest in 30 s, for a reason this test cannot see.
     * A poison is sent again only while there has been no restart, so one poison makes one restart.
     */
    private void poisonUntilRestarted(final Endpoint ingest)
    {
        for (int attempt = 1; attempt <= POISON_ATTEMPTS && counters.ingressRestarts().get() == 0; attempt++)
        {
            try (ZContext context = new ZContext(1))
            {
                context.setLinger(0);
                final ZMQ.Socket bot = SocketSettings.DEFAULTS.dealer(context);
                SocketSettings.connect(bot, ingest);
                assertTrue(TestFrames.until(() -> bot.send(new byte[POISON_BYTES], 0, POISON_BYTES, ZMQ.DONTWAIT), () -> { }));
                final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(POISON_WAIT_S);
                while (counters.ingressRestarts().get() == 0 && System.nanoTime() - deadlineNs < 0)
                {
                    step();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        }
        assertTrue(TestFrames.until(() -> counters.ingressRestarts().get() == 1, this::step), this::state);
    }

    /** What a failed wait saw: the restarts, the receiver's failure and what it printed. */
    private String state()
    {
        return "restarts " + counters.ingressRestarts().get() + ", frames " + counters.framesReceived().get() +
            ", failure " + receiver.failure() + ", watch failed " + receiver.transportWatch().hasFailed() +
            ", printed: " + errBytes.toString(StandardCharsets.UTF_8);
    }

    private void step()
    {
        receiver.doWork();
        consumed.set(ring.getCursor());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(final Throwable ex) throws T
    {
        throw (T)ex;
    }
}
