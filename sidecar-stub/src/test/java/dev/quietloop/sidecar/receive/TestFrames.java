package dev.quietloop.sidecar.receive;

import java.util.Arrays;

import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.FrameEncoder;

/** Frames for tests, encoded with the protocol's own encoder. */
public final class TestFrames
{
    public static final int SOURCE = 3;
    public static final long EPOCH = 0xE90C_1234L;

    private TestFrames()
    {
    }

    public static Event event(final byte type, final long sequence)
    {
        final Event event = new Event();
        event.type = type;
        event.sourceId = SOURCE;
        event.epoch = EPOCH;
        event.sequence = sequence;
        event.originNs = System.nanoTime(); // as the bot stamps it, so the endToEnd hop reads a real age
        return event;
    }

    /** A business frame holding one signal per sequence. */
    public static byte[] signals(final long... sequences)
    {
        final Event[] events = new Event[sequences.length];
        for (int i = 0; i < sequences.length; i++)
        {
            events[i] = event(EventType.SIGNAL, sequences[i]);
        }
        return business(events);
    }

    public static byte[] business(final Event... events)
    {
        return business(0, events);
    }

    /** A business frame holding one signal per sequence, flagged as the bot's warm-up. */
    public static byte[] warmUpSignals(final long... sequences)
    {
        final Event[] events = new Event[sequences.length];
        for (int i = 0; i < sequences.length; i++)
        {
            events[i] = event(EventType.SIGNAL, sequences[i]);
        }
        return business(Frame.FLAG_WARM_UP, events);
    }

    private static byte[] business(final int flags, final Event... events)
    {
        final FrameEncoder encoder = new FrameEncoder(Frame.DEFAULT_MAX_FRAME_BYTES).reset(flags);
        for (final Event event : events)
        {
            if (!encoder.tryAppend(event))
            {
                throw new IllegalArgumentException("too many events for one frame");
            }
        }
        return Arrays.copyOf(encoder.buffer(), encoder.length());
    }

    public static byte[] heartbeat()
    {
        return control(event(EventType.HEARTBEAT, 0), 0);
    }

    public static byte[] endOfStream(final long eventsProduced)
    {
        return control(event(EventType.END_OF_STREAM, 0), eventsProduced);
    }

    private static byte[] control(final Event event, final long eventsProduced)
    {
        event.eventsProduced = eventsProduced;
        final FrameEncoder encoder = new FrameEncoder(Frame.DEFAULT_MAX_FRAME_BYTES).control(event);
        return Arrays.copyOf(encoder.buffer(), encoder.length());
    }
}
