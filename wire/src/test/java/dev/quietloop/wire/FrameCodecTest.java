package dev.quietloop.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.quietloop.wire.testing.Allocations;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameCodecTest
{
    private final FrameEncoder encoder = new FrameEncoder(Frame.DEFAULT_MAX_FRAME_BYTES);
    private final FrameDecoder decoder = new FrameDecoder(Frame.DEFAULT_MAX_FRAME_BYTES);
    private final List<String> decoded = new ArrayList<>();
    private final EventListener collect = event -> decoded.add(event.toString());

    @Test
    void shouldRoundTripEveryBusinessEventType()
    {
        final List<String> expected = new ArrayList<>();
        encoder.reset(0);
        for (final byte type : new byte[]{ EventType.SIGNAL, EventType.ORDER_PLACED, EventType.ORDER_FILLED,
            EventType.ORDER_CANCELLED, EventType.POSITION })
        {
            final Event event = sample(type, type);
            assertTrue(encoder.tryAppend(event));
            expected.add(event.toString());
        }

        final int count = decoder.decode(encoder.buffer(), 0, encoder.length(), collect);

        assertEquals(5, count);
        assertEquals(expected, decoded);
        assertEquals(0, decoder.decodeErrors());
    }

    @Test
    void shouldRoundTripControlEventsInFramesOfTheirOwn()
    {
        for (final byte type : new byte[]{ EventType.HEARTBEAT, EventType.END_OF_STREAM })
        {
            decoded.clear();
            final Event event = sample(type, 7);
            encoder.control(event);

            assertTrue(Frame.isControl(encoder.buffer()));
            assertEquals(type == EventType.END_OF_STREAM, Frame.isEndOfStream(encoder.buffer()));
            assertEquals(1, decoder.decode(encoder.buffer(), 0, encoder.length(), collect));
            assertEquals(List.of(event.toString()), decoded);
        }
    }

    @Test
    void shouldCarryTheWarmUpFlagFromTheHeaderToEveryEventOfItsFrameAndNoOther()
    {
        final List<Boolean> warmUp = new ArrayList<>();
        final EventListener flags = event -> warmUp.add(event.warmUp);
        encoder.reset(Frame.FLAG_WARM_UP);
        for (int i = 1; i <= 3; i++)
        {
            encoder.tryAppend(sample(EventType.SIGNAL, i));
        }

        assertEquals(Frame.FLAG_WARM_UP, encoder.buffer()[3]);
        assertTrue(Frame.isWarmUp(encoder.buffer()));
        assertEquals(3, decoder.decode(encoder.buffer(), 0, encoder.length(), flags));
        encoder.reset(0).tryAppend(sample(EventType.SIGNAL, 4));
        assertFalse(Frame.isWarmUp(encoder.buffer()));
        assertEquals(1, decoder.decode(encoder.buffer(), 0, encoder.length(), flags));

        assertEquals(List.of(true, true, true, false), warmUp);
    }

    @Test
    void shouldNeverFlagAControlFrameAsWarmUp()
    {
        encoder.reset(Frame.FLAG_WARM_UP).tryAppend(sample(EventType.SIGNAL, 1));
        encoder.control(sample(EventType.HEARTBEAT, 0));

        assertFalse(Frame.isWarmUp(encoder.buffer()));
        assertEquals(1, decoder.decode(encoder.buffer(), 0, encoder.length(), collect));
    }

    @Test
    void shouldKeepOnlyTheFieldsOfTheType()
    {
        final Event signal = sample(EventType.SIGNAL, 3);
        encoder.reset(0).tryAppend(signal);
        final Event[] out = new Event[1];

        decoder.decode(encoder.buffer(), 0, encoder.length(), event -> out[0] = new Event().copyFrom(event));

        assertEquals(signal.value, out[0].value);
        assertEquals(0, out[0].orderId, "orders' fields do not travel with a signal");
        assertEquals(0, out[0].eventsSent);
    }

    @Test
    void shouldBatchUntilTheFrameBoundAndNoFurther()
    {
        final FrameEncoder small = new FrameEncoder(Frame.MIN_FRAME_BYTES + 3 * 80);
        small.reset(0);
        int appended = 0;
        while (small.tryAppend(sample(EventType.ORDER_PLACED, appended + 1)))
        {
            appended++;
        }

        assertTrue(appended > 1, "a frame carries a batch");
        assertTrue(small.length() <= small.buffer().length);
        assertEquals(appended, Frame.eventCount(small.buffer()));
        assertFalse(small.hasRoom());
        assertEquals(appended, decoder.decode(small.buffer(), 0, small.length(), collect));
    }

    @Test
    void shouldHeaderTellCountAndFlagsWithoutDecoding()
    {
        encoder.reset(0);
        for (int i = 1; i <= 5; i++)
        {
            encoder.tryAppend(sample(EventType.ORDER_FILLED, i));
        }

        assertTrue(Frame.hasValidHeader(encoder.buffer(), encoder.length()));
        assertEquals(5, Frame.eventCount(encoder.buffer()));
        assertFalse(Frame.isControl(encoder.buffer()));
    }

    @Test
    void shouldCountEveryTruncationAsOneDecodeErrorAndDeliverNothing()
    {
        encoder.reset(0);
        for (int i = 1; i <= 3; i++)
        {
            encoder.tryAppend(sample(EventType.SIGNAL, i));
        }
        final byte[] frame = encoder.buffer().clone();
        final int length = encoder.length();

        for (int cut = 0; cut < length; cut++)
        {
            assertEquals(-1, decoder.decode(frame, 0, cut, collect), "cut at " + cut);
        }

        assertEquals(length, decoder.decodeErrors());
        assertTrue(decoded.isEmpty());
    }

    @Test
    void shouldCountGarbageAsDecodeErrorsWithoutThrowing()
    {
        final Random random = new Random(42);
        final byte[] garbage = new byte[512];
        int errors = 0;
        for (int i = 0; i < 10_000; i++)
        {
            random.nextBytes(garbage);
            if (i % 2 == 0)
            {
                garbage[0] = 0x51;
                garbage[1] = 0x4C;
                garbage[2] = Frame.VERSION;
            }
            if (decoder.decode(garbage, 0, random.nextInt(garbage.length + 1), collect) < 0)
            {
                errors++;
            }
        }

        assertEquals(errors, decoder.decodeErrors());
        assertTrue(errors > 9_990, "random bytes are almost never a frame");
    }

    @Test
    void shouldRejectAFrameWithTrailingBytes()
    {
        encoder.reset(0).tryAppend(sample(EventType.SIGNAL, 1));

        assertEquals(-1, decoder.decode(encoder.buffer(), 0, encoder.length() + 1, collect));
        assertEquals(1, decoder.decodeErrors());
    }

    @Test
    void shouldRejectAControlEventInABusinessFrame()
    {
        encoder.reset(0).tryAppend(sample(EventType.SIGNAL, 1));
        encoder.tryAppend(sample(EventType.HEARTBEAT, 0));

        assertEquals(-1, decoder.decode(encoder.buffer(), 0, encoder.length(), collect));
    }

    @Test
    void shouldWriteTheDocumentedLittleEndianLayout()
    {
        final Event event = new Event();
        event.type = EventType.SIGNAL;
        event.sourceId = 0x01020304;
        event.sequence = 5;
        encoder.reset(0).tryAppend(event);
        final byte[] b = encoder.buffer();

        assertArrayEquals(new byte[]{ 'Q', 'L', 2, 0, 1, 0 }, java.util.Arrays.copyOf(b, 6));
        assertEquals(Event.encodedLength(EventType.SIGNAL), (b[6] & 0xFF) | (b[7] & 0xFF) << 8);
        assertEquals(EventType.SIGNAL, b[8]);
        assertArrayEquals(new byte[]{ 4, 3, 2, 1 }, java.util.Arrays.copyOfRange(b, 9, 13));
        assertEquals(5, b[21], "sequence after type, source id and epoch");
    }

    @Test
    void shouldRefuseToEncodeAnUnknownType()
    {
        final Event event = new Event();
        event.type = 42;

        assertThrows(IllegalArgumentException.class, () -> encoder.reset(0).tryAppend(event));
    }

    @Test
    void shouldAllocateNothingPerEventOnceWarm()
    {
        final Event event = sample(EventType.ORDER_PLACED, 1);
        final EventListener ignore = e -> { };

        final long bytes = Allocations.fewestBytes(() ->
        {
            for (int i = 0; i < 100_000; i++)
            {
                encodeAndDecode(event, ignore);
            }
        }, 10);

        assertEquals(0, bytes, "bytes allocated by 100k encode+decode round trips");
    }

    private void encodeAndDecode(final Event event, final EventListener listener)
    {
        encoder.reset(0);
        encoder.tryAppend(event);
        encoder.tryAppend(event);
        System.arraycopy(encoder.buffer(), 0, decoder.buffer(), 0, encoder.length());
        decoder.decode(encoder.length(), listener);
    }

    static Event sample(final byte type, final long sequence)
    {
        final Event e = new Event();
        e.type = type;
        e.sourceId = 3;
        e.epoch = 0x1234_5678_9ABCL;
        e.sequence = EventType.isControl(type) ? 0 : sequence;
        e.originNs = 1_000_000L + sequence;
        e.marketDataNs = 1_700_000_000_000_000_000L + sequence;
        switch (type)
        {
            case EventType.SIGNAL:
                e.symbolId = 2;
                e.side = Event.SIDE_SELL;
                e.code = 9;
                e.price = 6_500_012_345_678L;
                e.value = -12_345L;
                break;
            case EventType.ORDER_PLACED:
            case EventType.ORDER_FILLED:
                e.symbolId = 1;
                e.orderId = 100 + sequence;
                e.side = Event.SIDE_BUY;
                e.price = 6_500_000_000_000L;
                e.quantity = 25_000_000L;
                break;
            case EventType.ORDER_CANCELLED:
                e.symbolId = 1;
                e.orderId = 100 + sequence;
                e.side = Event.SIDE_BUY;
                e.code = Event.REASON_REJECTED;
                break;
            case EventType.POSITION:
                e.symbolId = 3;
                e.quantity = -2_000_000L;
                e.price = 6_500_100_000_000L;
                e.value = -1_234_567L;
                break;
            default:
                e.ticks = 50_000;
                e.eventsProduced = 4_000;
                e.ringRejected = 3;
                e.eventsSent = 3_997;
                break;
        }
        return e;
    }
}
