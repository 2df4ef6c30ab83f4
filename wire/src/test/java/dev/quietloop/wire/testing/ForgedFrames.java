package dev.quietloop.wire.testing;

import java.util.Arrays;
import java.util.List;

import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.FrameEncoder;

/**
 * Well-formed quietloop frames built with the project's encoder, and forged ones, each with the
 * {@link Frame#validate} rejection a receiver must count for it: for the validation's unit tests
 * and the fuzz tests of every listening socket.
 */
public final class ForgedFrames
{
    /** A forged frame and the rejection it must earn. */
    public record Forged(String name, byte[] bytes, int rejection)
    {
    }

    private static final int COUNT_OFFSET = 4;
    private static final int FLAGS_OFFSET = 3;

    private ForgedFrames()
    {
    }

    /** A business frame of {@code count} signals from {@code sourceId}, sequences from {@code firstSequence}. */
    public static byte[] business(final int sourceId, final long firstSequence, final int count)
    {
        return business(sourceId, firstSequence, count, 0);
    }

    /** As {@link #business}, flagged as the bot's warm-up ({@link Frame#FLAG_WARM_UP}). */
    public static byte[] warmUp(final int sourceId, final long firstSequence, final int count)
    {
        return business(sourceId, firstSequence, count, Frame.FLAG_WARM_UP);
    }

    private static byte[] business(final int sourceId, final long firstSequence, final int count, final int flags)
    {
        final FrameEncoder encoder = new FrameEncoder(Frame.DEFAULT_MAX_FRAME_BYTES);
        encoder.reset(flags);
        final Event event = new Event();
        for (int i = 0; i < count; i++)
        {
            event.clear();
            event.type = i % 2 == 0 ? EventType.SIGNAL : EventType.ORDER_CANCELLED;
            event.sourceId = sourceId;
            event.epoch = 7;
            event.sequence = firstSequence + i;
            encoder.tryAppend(event);
        }
        return Arrays.copyOf(encoder.buffer(), encoder.length());
    }

    /** A control frame: a heartbeat, or an end of stream announcing {@code eventsProduced}. */
    public static byte[] control(final byte type, final int sourceId, final long eventsProduced)
    {
        final FrameEncoder encoder = new FrameEncoder(Frame.DEFAULT_MAX_FRAME_BYTES);
        final Event event = new Event();
        event.type = type;
        event.sourceId = sourceId;
        event.epoch = 7;
        event.eventsProduced = eventsProduced;
        event.eventsSent = eventsProduced;
        encoder.control(event);
        return Arrays.copyOf(encoder.buffer(), encoder.length());
    }

    /** One forged frame of every kind a receiver must refuse, each with the rejection it earns. */
    public static List<Forged> all()
    {
        final byte[] three = business(1, 1, 3);
        final int firstEvent = Frame.HEADER_BYTES + Frame.LENGTH_PREFIX_BYTES;
        final int secondPrefix = firstEvent + Event.encodedLength(EventType.SIGNAL);
        final int secondEvent = secondPrefix + Frame.LENGTH_PREFIX_BYTES;
        return List.of(
            new Forged("empty", new byte[0], Frame.REJECTED_BAD_HEADER),
            new Forged("shorter than a header", Arrays.copyOf(three, 5), Frame.REJECTED_BAD_HEADER),
            new Forged("bad magic", set(three, 0, 'X'), Frame.REJECTED_BAD_HEADER),
            new Forged("version 1, before the warm-up flag", set(three, 2, 1), Frame.REJECTED_BAD_HEADER),
            new Forged("version 3", set(three, 2, 3), Frame.REJECTED_BAD_HEADER),
            new Forged("unknown flag", set(three, FLAGS_OFFSET, 0x08), Frame.REJECTED_BAD_HEADER),
            new Forged("warm-up flag on a heartbeat", set(control(EventType.HEARTBEAT, 1, 0), FLAGS_OFFSET,
                Frame.FLAG_CONTROL | Frame.FLAG_WARM_UP), Frame.REJECTED_BAD_HEADER),
            new Forged("warm-up flag on an end of stream", set(control(EventType.END_OF_STREAM, 1, 5), FLAGS_OFFSET,
                Frame.FLAG_CONTROL | Frame.FLAG_END_OF_STREAM | Frame.FLAG_WARM_UP), Frame.REJECTED_BAD_HEADER),
            new Forged("end of stream without control", set(three, FLAGS_OFFSET, Frame.FLAG_END_OF_STREAM),
                Frame.REJECTED_BAD_HEADER),
            new Forged("forged end of stream: a heartbeat flagged as end of stream",
                set(control(EventType.HEARTBEAT, 1, 0), FLAGS_OFFSET, Frame.FLAG_CONTROL | Frame.FLAG_END_OF_STREAM),
                Frame.REJECTED_BAD_HEADER),
            new Forged("forged end of stream: business events flagged as control",
                set(business(1, 1, 1), FLAGS_OFFSET, Frame.FLAG_CONTROL | Frame.FLAG_END_OF_STREAM),
                Frame.REJECTED_BAD_HEADER),
            new Forged("end of stream in a business frame", set(control(EventType.END_OF_STREAM, 1, 5), FLAGS_OFFSET, 0),
                Frame.REJECTED_BAD_HEADER),
            new Forged("header only", Arrays.copyOf(three, Frame.HEADER_BYTES), Frame.REJECTED_BAD_COUNT),
            new Forged("zero count", setCount(three, 0), Frame.REJECTED_BAD_COUNT),
            new Forged("count above the events", setCount(three, 4), Frame.REJECTED_BAD_COUNT),
            new Forged("count below the events", setCount(three, 2), Frame.REJECTED_BAD_COUNT),
            new Forged("count 65535", setCount(three, 0xFFFF), Frame.REJECTED_BAD_COUNT),
            new Forged("control frame of two events", controlOfTwo(), Frame.REJECTED_BAD_COUNT),
            new Forged("truncated between events", Arrays.copyOf(three, secondPrefix), Frame.REJECTED_BAD_COUNT),
            new Forged("truncated inside an event", Arrays.copyOf(three, secondEvent + 10), Frame.REJECTED_BAD_LENGTH),
            new Forged("length prefix of another type", setShort(three, secondPrefix,
                Event.encodedLength(EventType.ORDER_PLACED)), Frame.REJECTED_BAD_LENGTH),
            new Forged("length prefix 0", setShort(three, secondPrefix, 0), Frame.REJECTED_BAD_LENGTH),
            new Forged("length prefix 65535", setShort(three, secondPrefix, 0xFFFF), Frame.REJECTED_BAD_LENGTH),
            new Forged("unknown event type", set(three, secondEvent, 99), Frame.REJECTED_BAD_LENGTH),
            new Forged("mixed sources", set(three, secondEvent + Event.SOURCE_ID_OFFSET, 2),
                Frame.REJECTED_MIXED_SOURCE));
    }

    private static byte[] set(final byte[] frame, final int offset, final int value)
    {
        final byte[] copy = frame.clone();
        copy[offset] = (byte)value;
        return copy;
    }

    private static byte[] setShort(final byte[] frame, final int offset, final int value)
    {
        final byte[] copy = frame.clone();
        copy[offset] = (byte)value;
        copy[offset + 1] = (byte)(value >>> 8);
        return copy;
    }

    private static byte[] setCount(final byte[] frame, final int count)
    {
        return setShort(frame, COUNT_OFFSET, count);
    }

    /** Two heartbeats under a control header: well-formed events, but a control frame holds one. */
    private static byte[] controlOfTwo()
    {
        final byte[] one = control(EventType.HEARTBEAT, 1, 0);
        final int eventBytes = one.length - Frame.HEADER_BYTES;
        final byte[] two = Arrays.copyOf(one, one.length + eventBytes);
        System.arraycopy(one, Frame.HEADER_BYTES, two, one.length, eventBytes);
        return setCount(two, 2);
    }
}
