package dev.quietloop.sidecar.receive;

import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.sidecar.check.SequenceChecker;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.testing.Allocations;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The receive loop's counting, driven event by event on the test thread, without a socket. */
class ReceiveTallyTest
{
    private static final int SOURCE = 7;
    private static final long EPOCH = 42;

    private final CounterRegistry counters = new CounterRegistry(32);
    private final HopLatency endToEnd = HopLatency.of(Hop.END_TO_END, true, 2);
    private final ReceiveTally tally = new ReceiveTally(counters, new SequenceChecker(counters), endToEnd, 2);
    private final Event event = new Event();

    @Test
    void shouldCountTheSpansFromTheFramesOfTheFirstEventAndOfTheFirstPastTheWarmUp()
    {
        tally.onFrame(1_000);
        signal(1);
        signal(2);
        tally.onFrame(4_000);
        signal(3);
        tally.onFrame(4_500);
        control(EventType.HEARTBEAT);
        tally.onFrame(9_000);
        signal(4);

        assertEquals(4, counter(ReceiveTally.FRAMES_RECEIVED));
        assertEquals(4, counter(ReceiveTally.EVENTS_RECEIVED));
        assertEquals(1, counter(ReceiveTally.BY_TYPE_PREFIX + "heartbeat"));
        assertEquals(8_000, counter(ReceiveTally.RECEIVE_SPAN_NS));
        assertEquals(2, counter(ReceiveTally.AFTER_WARMUP_EVENTS));
        assertEquals(5_000, counter(ReceiveTally.AFTER_WARMUP_SPAN_NS));
        assertEquals(2, endToEnd.total().getTotalCount(), "the warm-up is not in the headline");
        assertEquals(2, endToEnd.warmUpTotal().getTotalCount(), "but timed apart");
    }

    @Test
    void shouldTimeTheEventsOfFramesFlaggedAsTheWarmUpApartFromTheHeadline()
    {
        final HopLatency flaggedOnly = HopLatency.of(Hop.END_TO_END, true); // no --warmup-events: the frames tell
        final CounterRegistry own = new CounterRegistry(32);
        final ReceiveTally tally = new ReceiveTally(own, new SequenceChecker(own), flaggedOnly, 0);
        tally.onFrame(1_000);
        for (long sequence = 1; sequence <= 3; sequence++)
        {
            event.warmUp = true; // as the decoder sets it from the frame's header
            signal(tally, sequence);
        }
        tally.onFrame(2_000);
        for (long sequence = 4; sequence <= 8; sequence++)
        {
            event.warmUp = false;
            signal(tally, sequence);
        }

        assertEquals(8, own.snapshot().get(ReceiveTally.EVENTS_RECEIVED));
        assertEquals(8, own.snapshot().get(ReceiveTally.AFTER_WARMUP_EVENTS), "--warmup-events alone says which");
        assertEquals(3, flaggedOnly.warmUpTotal().getTotalCount(), "the warm-up's events delivered");
        assertEquals(5, flaggedOnly.total().getTotalCount(), "the rest");
        assertEquals(3, flaggedOnly.percentiles().get("latencyNs.warmup.endToEnd.count"));
        assertEquals(5, flaggedOnly.percentiles().get("latencyNs.endToEnd.count"));
    }

    @Test
    void shouldCountARefusedFrameByItsReasonAndAsADecodeError()
    {
        tally.onFrame(1_000);
        tally.onRejected(Frame.REJECTED_TOO_LARGE);

        assertEquals(1, counter(ReceiveTally.DECODE_ERRORS));
        assertEquals(1, counter(ReceiveTally.REJECTED_PREFIX + Frame.rejectionName(Frame.REJECTED_TOO_LARGE)));
        assertEquals(0, counter(ReceiveTally.EVENTS_RECEIVED));
    }

    @Test
    void shouldEndTheStreamWithItsEndOfStream()
    {
        tally.onFrame(1_000);
        signal(1);
        event.eventsProduced = 1;
        control(EventType.END_OF_STREAM);

        assertTrue(tally.allStreamsEnded());
    }

    @Test
    void shouldNotAllocateOnceTheStreamIsKnown()
    {
        final long[] sequence = { 1 };
        final Runnable frames = () ->
        {
            for (int i = 0; i < 10_000; i++)
            {
                tally.onFrame(sequence[0]);
                signal(sequence[0]++);
                control(EventType.HEARTBEAT);
            }
        };
        frames.run();

        assertEquals(0, Allocations.fewestBytes(frames, 10));
        assertEquals(sequence[0] - 1, counter(ReceiveTally.EVENTS_RECEIVED));
    }

    private void signal(final long sequence)
    {
        signal(tally, sequence);
    }

    private void signal(final ReceiveTally tally, final long sequence)
    {
        event.type = EventType.SIGNAL;
        event.sourceId = SOURCE;
        event.epoch = EPOCH;
        event.sequence = sequence;
        event.originNs = System.nanoTime();
        tally.onEvent(event);
    }

    private void control(final byte type)
    {
        event.type = type;
        tally.onEvent(event);
    }

    private long counter(final String name)
    {
        return counters.snapshot().get(name);
    }
}
