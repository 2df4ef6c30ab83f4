package dev.quietloop.bot.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.WarmUp;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.FrameDecoder;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The sender's frame never mixes the warm-up's events with the others, and flags the warm-up's:
 * driven event by event on the test thread, its frames read back from an in-process socket.
 */
@Timeout(30)
class PendingFrameTest
{
    private static final int SOURCE_ID = 3;
    /** Room for three signals only. */
    private static final int SMALL_FRAME_BYTES = Frame.MIN_FRAME_BYTES + 2 * (Frame.LENGTH_PREFIX_BYTES + 62);

    private final BotCounters counters = new BotCounters();
    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket pull = context.createSocket(SocketType.PULL);
    private final ZMQ.Socket push = context.createSocket(SocketType.PUSH);
    private final FrameDecoder decoder = new FrameDecoder(Frame.MAX_FRAME_BYTES);
    private final Event event = new Event();

    PendingFrameTest()
    {
        pull.bind("inproc://pending-frame");
        push.connect("inproc://pending-frame");
    }

    @AfterEach
    void close()
    {
        context.close();
    }

    @Test
    void shouldSendTheWarmUpsFrameAheadOfTheFirstEventPastItsEnd()
    {
        final WarmUp warmUp = WarmUp.ofTicks(100);
        final HopLatency ringToSend = HopLatency.of(Hop.RING_TO_SEND, true, warmUp);
        final PendingFrame frame = frame(Frame.DEFAULT_MAX_FRAME_BYTES, ringToSend);

        append(frame, 1, 2);
        warmUp.endAt(2); // by the trading thread, before it publishes sequence 3
        append(frame, 3, 4, 5);
        assertTrue(frame.send());

        assertEquals(List.of("warm-up [1, 2]", "[3, 4, 5]"), framesReceived());
        assertEquals(5, counters.eventsSent.get());
        assertEquals(2, counters.framesSent.get());
        assertEquals(2, ringToSend.warmUpTotal().getTotalCount());
        assertEquals(3, ringToSend.total().getTotalCount());
    }

    @Test
    void shouldSplitAtAWarmUpFixedBeforeTheRunWhetherTimedOrNot()
    {
        final PendingFrame frame = frame(Frame.DEFAULT_MAX_FRAME_BYTES, HopLatency.of(Hop.RING_TO_SEND, false, 4));

        append(frame, 1, 2, 3, 4, 5, 6);
        assertTrue(frame.send());

        assertEquals(List.of("warm-up [1, 2, 3, 4]", "[5, 6]"), framesReceived());
    }

    @Test
    void shouldFlagEveryFullFrameOfTheWarmUpAndKeepTheFlagAcrossAControlFrame()
    {
        final PendingFrame frame = frame(SMALL_FRAME_BYTES, HopLatency.of(Hop.RING_TO_SEND, true, 5));

        append(frame, 1, 2, 3, 4);
        assertTrue(frame.send());
        assertTrue(frame.offerControl(heartbeat(), 0)); // offered with the frame empty, as the sender does
        append(frame, 5, 6, 7);
        assertTrue(frame.send());

        assertEquals(List.of("warm-up [1, 2, 3]", "warm-up [4]", "control", "warm-up [5]", "[6, 7]"),
            framesReceived());
    }

    @Test
    void shouldFlagNothingWithoutAWarmUp()
    {
        final PendingFrame frame = frame(Frame.DEFAULT_MAX_FRAME_BYTES, HopLatency.of(Hop.RING_TO_SEND, true, 0));

        append(frame, 1, 2, 3);
        assertTrue(frame.send());

        assertEquals(List.of("[1, 2, 3]"), framesReceived());
    }

    @Test
    void shouldPutEveryEventInTheWarmUpWhileItIsOpen()
    {
        final PendingFrame frame = frame(Frame.DEFAULT_MAX_FRAME_BYTES, HopLatency.of(Hop.RING_TO_SEND, true,
            WarmUp.ofTicks(100)));

        append(frame, 1, 2, 3);
        assertTrue(frame.send());

        assertEquals(List.of("warm-up [1, 2, 3]"), framesReceived());
    }

    private PendingFrame frame(final int maxFrameBytes, final HopLatency ringToSend)
    {
        final PendingFrame frame = new PendingFrame(
            maxFrameBytes, NoOpIdleStrategy.INSTANCE, System::nanoTime, counters, new RunControl(), ringToSend);
        frame.sendOn(push);
        return frame;
    }

    private void append(final PendingFrame frame, final long... sequences)
    {
        for (final long sequence : sequences)
        {
            event.clear();
            event.type = EventType.SIGNAL;
            event.sourceId = SOURCE_ID;
            event.sequence = sequence;
            event.ringNs = System.nanoTime();
            assertTrue(frame.append(event));
        }
    }

    private Event heartbeat()
    {
        final Event heartbeat = new Event();
        heartbeat.type = EventType.HEARTBEAT;
        heartbeat.sourceId = SOURCE_ID;
        return heartbeat;
    }

    /** Every frame sent so far: "control", or its sequences, after "warm-up" when flagged. */
    private List<String> framesReceived()
    {
        final List<String> frames = new ArrayList<>();
        int length;
        while ((length = pull.recv(decoder.buffer(), 0, decoder.buffer().length, ZMQ.DONTWAIT)) >= 0)
        {
            final List<Long> sequences = new ArrayList<>();
            assertTrue(decoder.decode(length, received -> sequences.add(received.sequence)) > 0);
            final byte[] header = decoder.buffer();
            frames.add(Frame.isControl(header) ? "control" : (Frame.isWarmUp(header) ? "warm-up " : "") + sequences);
        }
        return frames;
    }
}
