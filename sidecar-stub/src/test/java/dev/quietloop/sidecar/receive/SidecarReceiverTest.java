package dev.quietloop.sidecar.receive;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.sidecar.check.SequenceChecker;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SidecarReceiverTest
{
    private static final long POLL_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);
    /** Enough idle duty cycles, a millisecond apart, for frames already sent to reach the socket. */
    private static final int SETTLE_CYCLES = 50;
    private static final long DRAIN_NS = TimeUnit.SECONDS.toNanos(2);

    private final ZContext context = new ZContext();
    private final CounterRegistry counters = new CounterRegistry(32);
    private final SequenceChecker checker = new SequenceChecker(counters);
    private final CachedNanoClock clock = new CachedNanoClock();
    private final AtomicInteger finishedCalls = new AtomicInteger();
    private final AtomicInteger pauses = new AtomicInteger();
    private HopLatency endToEnd = HopLatency.of(Hop.END_TO_END, true);
    private long warmupEvents;
    private SidecarReceiver receiver;
    private ZMQ.Socket push;

    @AfterEach
    void closeAll()
    {
        if (receiver != null)
        {
            receiver.onClose();
        }
        context.close();
    }

    @Test
    void shouldCountFramesAndEventsPerType() throws InterruptedException
    {
        start(FaultInjection.none());

        send(TestFrames.business(
            TestFrames.event(EventType.SIGNAL, 1),
            TestFrames.event(EventType.ORDER_PLACED, 2),
            TestFrames.event(EventType.ORDER_FILLED, 3),
            TestFrames.event(EventType.ORDER_CANCELLED, 4)));
        send(TestFrames.heartbeat());
        send(TestFrames.endOfStream(4));
        pollUntil(() -> counter(ReceiveTally.FRAMES_RECEIVED) == 3);

        assertEquals(4, counter(ReceiveTally.EVENTS_RECEIVED));
        assertEquals(1, counter("sidecar.byType.signal"));
        assertEquals(1, counter("sidecar.byType.orderPlaced"));
        assertEquals(1, counter("sidecar.byType.orderFilled"));
        assertEquals(1, counter("sidecar.byType.orderCancelled"));
        assertEquals(1, counter("sidecar.byType.heartbeat"));
        assertEquals(1, counter("sidecar.byType.endOfStream"));
        assertEquals(0, counter(SequenceChecker.GAPS));
        assertEquals(0, counter(SequenceChecker.DUPLICATES));
        assertEquals(0, counter(ReceiveTally.DECODE_ERRORS));
        assertEquals(1, counter(SequenceChecker.STREAMS));
        assertEquals(1, counter(SequenceChecker.STREAMS_ENDED));
        final Histogram ages = endToEnd.total();
        assertEquals(4, ages.getTotalCount(), "one per business event, none for control frames");
        // An origin read against another clock, or none, would pin the value at the ceiling.
        assertTrue(ages.getMaxValue() < HopLatency.HIGHEST_TRACKABLE_NS / 2, "from the origin: " + ages.getMaxValue());
    }

    @Test
    void shouldTimeOnlyEventsPastTheWarmUpAndMeasureTheReceiveSpan() throws InterruptedException
    {
        endToEnd = HopLatency.of(Hop.END_TO_END, true, 2);
        warmupEvents = 2;
        start(FaultInjection.none());

        send(TestFrames.signals(1, 2));
        pollUntil(() -> counter(ReceiveTally.EVENTS_RECEIVED) == 2);
        clock.advance(5_000);
        send(TestFrames.signals(3, 4));
        pollUntil(() -> counter(ReceiveTally.EVENTS_RECEIVED) == 4);
        clock.advance(700);
        send(TestFrames.signals(5));
        pollUntil(() -> counter(ReceiveTally.EVENTS_RECEIVED) == 5);

        assertEquals(3, endToEnd.total().getTotalCount(), "sequences 1 and 2 are the warm-up");
        assertEquals(5_700, counter(ReceiveTally.RECEIVE_SPAN_NS));
        assertEquals(3, counter(ReceiveTally.AFTER_WARMUP_EVENTS));
        assertEquals(700, counter(ReceiveTally.AFTER_WARMUP_SPAN_NS), "from the frame of sequence 3 on");
    }

    @Test
    void shouldTimeTheEventsOfFramesFlaggedAsTheWarmUpApartWithoutBeingToldTheirSequences()
        throws InterruptedException
    {
        start(FaultInjection.none());

        send(TestFrames.warmUpSignals(1, 2, 3));
        send(TestFrames.warmUpSignals(4));
        send(TestFrames.signals(5, 6));
        send(TestFrames.endOfStream(6));
        pollUntil(() -> counter(SequenceChecker.STREAMS_ENDED) == 1);

        assertEquals(6, counter(ReceiveTally.EVENTS_RECEIVED));
        assertEquals(0, counter(ReceiveTally.DECODE_ERRORS));
        final Map<String, Long> percentiles = endToEnd.percentiles();
        assertEquals(4, percentiles.get("latencyNs.warmup.endToEnd.count"), "the flagged frames' events");
        assertEquals(2, percentiles.get("latencyNs.endToEnd.count"), "the rest");
    }

    @Test
    void shouldDetectGapsInsideTheStreamAndAtItsEnd() throws InterruptedException
    {
        start(FaultInjection.none());

        send(TestFrames.signals(1, 2));
        send(TestFrames.signals(4, 4));
        send(TestFrames.endOfStream(6));
        pollUntil(() -> counter(SequenceChecker.STREAMS_ENDED) == 1);

        assertEquals(4, counter(ReceiveTally.EVENTS_RECEIVED));
        assertEquals(3, counter(SequenceChecker.GAPS));
        assertEquals(1, counter(SequenceChecker.DUPLICATES));
    }

    @Test
    void shouldCountGarbageFrameAsDecodeErrorAndCarryOn() throws InterruptedException
    {
        start(FaultInjection.none());

        send("not a quietloop frame".getBytes(StandardCharsets.US_ASCII));
        send(new byte[0]);
        send(TestFrames.signals(1));
        pollUntil(() -> counter(ReceiveTally.FRAMES_RECEIVED) == 3);

        assertEquals(2, counter(ReceiveTally.DECODE_ERRORS));
        assertEquals(1, counter(ReceiveTally.EVENTS_RECEIVED));
        assertEquals(1, counter("sidecar.byType.signal"));
        assertFalse(receiver.isFinished());
    }

    @Test
    void shouldStopReadingAfterExactlyTheExitAfterMessages() throws InterruptedException
    {
        start(new FaultInjection(0, FaultInjection.OFF, 0, 2));

        for (long sequence = 1; sequence <= 4; sequence++)
        {
            send(TestFrames.signals(sequence));
        }
        pollUntil(receiver::isFinished);
        settle();

        assertEquals(2, counter(ReceiveTally.FRAMES_RECEIVED));
        assertTrue(receiver.exitedOnPurpose());
        assertEquals(1, finishedCalls.get());
    }

    @Test
    void shouldStopReadingAfterStallAfterMessagesUntilTheClockPassesTheStall() throws InterruptedException
    {
        final long stallNs = TimeUnit.SECONDS.toNanos(5);
        start(new FaultInjection(0, 2, stallNs, FaultInjection.OFF));

        for (long sequence = 1; sequence <= 3; sequence++)
        {
            send(TestFrames.signals(sequence));
        }
        pollUntil(() -> counter(ReceiveTally.FRAMES_RECEIVED) == 2);
        clock.advance(stallNs - 1);
        settle();

        assertEquals(2, counter(ReceiveTally.FRAMES_RECEIVED));
        assertTrue(pauses.get() >= SETTLE_CYCLES);

        clock.advance(1);
        pollUntil(() -> counter(ReceiveTally.FRAMES_RECEIVED) == 3);

        assertEquals(0, counter(SequenceChecker.GAPS));
        assertFalse(receiver.isFinished());
    }

    @Test
    void shouldWaitTheDelayAfterEachMessageBeforeReadingTheNext() throws InterruptedException
    {
        final long delayNs = TimeUnit.MICROSECONDS.toNanos(500);
        start(new FaultInjection(delayNs, FaultInjection.OFF, 0, FaultInjection.OFF));

        send(TestFrames.signals(1));
        send(TestFrames.signals(2));
        pollUntil(() -> counter(ReceiveTally.FRAMES_RECEIVED) == 1);
        settle();

        assertEquals(1, counter(ReceiveTally.FRAMES_RECEIVED));

        clock.advance(delayNs);
        pollUntil(() -> counter(ReceiveTally.FRAMES_RECEIVED) == 2);
    }

    @Test
    void shouldFinishDrainAtOnceWhenEveryStreamHasEnded() throws InterruptedException
    {
        start(FaultInjection.none());

        send(TestFrames.signals(1));
        send(TestFrames.endOfStream(1));
        pollUntil(() -> counter(SequenceChecker.STREAMS_ENDED) == 1);
        receiver.requestStop();
        receiver.doWork();

        assertTrue(receiver.isFinished());
        assertFalse(receiver.exitedOnPurpose());
        assertEquals(1, finishedCalls.get());
    }

    @Test
    void shouldKeepDrainingAnOpenStreamUntilTheSocketIsQuiet() throws InterruptedException
    {
        start(FaultInjection.none());

        send(TestFrames.signals(1));
        pollUntil(() -> counter(ReceiveTally.FRAMES_RECEIVED) == 1);
        receiver.requestStop();
        send(TestFrames.signals(2));
        pollUntil(() -> counter(ReceiveTally.FRAMES_RECEIVED) == 2);

        assertFalse(receiver.isFinished());

        clock.advance(ReceiverSettings.QUIET_NS);
        receiver.doWork();

        assertTrue(receiver.isFinished());
    }

    @Test
    void shouldStopDrainingWhenTheDrainTimePassesThoughFramesKeepComing() throws InterruptedException
    {
        start(FaultInjection.none());

        send(TestFrames.signals(1));
        pollUntil(() -> counter(ReceiveTally.FRAMES_RECEIVED) == 1);
        receiver.requestStop();
        receiver.doWork();
        final long stepNs = ReceiverSettings.QUIET_NS / 2;
        long frames = 1;
        for (long elapsedNs = stepNs; elapsedNs < DRAIN_NS; elapsedNs += stepNs)
        {
            clock.advance(stepNs);
            send(TestFrames.signals(++frames));
            final long expected = frames;
            pollUntil(() -> counter(ReceiveTally.FRAMES_RECEIVED) == expected);
            assertFalse(receiver.isFinished());
        }
        clock.advance(stepNs);
        receiver.doWork();

        assertTrue(receiver.isFinished());
        assertEquals(DRAIN_NS / stepNs, frames);
        assertFalse(checker.allStreamsEnded());
    }

    private void start(final FaultInjection faults)
    {
        receiver = new SidecarReceiver(
            ReceiverSettings.of(Endpoint.loopback(Endpoint.EPHEMERAL), SocketSettings.DEFAULTS, DRAIN_NS),
            SocketFactory.PULL,
            faults,
            new ReceiveTally(counters, checker, endToEnd, warmupEvents),
            clock,
            pauseNs -> pauses.incrementAndGet(),
            finishedCalls::incrementAndGet);
        receiver.onStart();
        final Endpoint bound = receiver.awaitBound(0);
        push = SocketSettings.DEFAULTS.withLingerMs(0).push(context);
        SocketSettings.connect(push, bound);
    }

    private void send(final byte[] frame)
    {
        assertTrue(push.send(frame, 0, frame.length, 0));
    }

    private long counter(final String name)
    {
        final Map<String, Long> snapshot = counters.snapshot();
        assertTrue(snapshot.containsKey(name), name);
        return snapshot.get(name);
    }

    private void pollUntil(final BooleanSupplier condition) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + POLL_TIMEOUT_NS;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                fail("condition not met while driving the receiver");
            }
            if (receiver.doWork() == 0)
            {
                Thread.sleep(1);
            }
        }
    }

    private void settle() throws InterruptedException
    {
        for (int i = 0; i < SETTLE_CYCLES; i++)
        {
            receiver.doWork();
            Thread.sleep(1);
        }
    }
}
