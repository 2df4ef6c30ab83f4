package dev.quietloop.broker.ring;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.FrameEncoder;

/** Valid frames for tests, built with the protocol's encoder, and a bounded wait. */
public final class TestFrames
{
    private TestFrames()
    {
    }

    /** A business frame of {@code count} signal events. */
    public static byte[] business(final int count)
    {
        return business(count, 0);
    }

    /** A business frame of {@code count} signal events of the bot's warm-up ({@link Frame#FLAG_WARM_UP}). */
    public static byte[] warmUp(final int count)
    {
        return business(count, Frame.FLAG_WARM_UP);
    }

    private static byte[] business(final int count, final int flags)
    {
        final FrameEncoder encoder = new FrameEncoder(Frame.DEFAULT_MAX_FRAME_BYTES);
        encoder.reset(flags);
        final Event event = new Event();
        for (int i = 0; i < count; i++)
        {
            event.clear();
            event.type = EventType.SIGNAL;
            event.sourceId = 1;
            event.epoch = 7;
            event.sequence = i + 1;
            encoder.tryAppend(event);
        }
        return Arrays.copyOf(encoder.buffer(), encoder.length());
    }

    public static byte[] endOfStream()
    {
        return control(EventType.END_OF_STREAM);
    }

    public static byte[] heartbeat()
    {
        return control(EventType.HEARTBEAT);
    }

    private static byte[] control(final byte type)
    {
        final FrameEncoder encoder = new FrameEncoder(Frame.DEFAULT_MAX_FRAME_BYTES);
        final Event event = new Event();
        event.type = type;
        event.sourceId = 1;
        event.epoch = 7;
        encoder.control(event);
        return Arrays.copyOf(encoder.buffer(), encoder.length());
    }

    /** Runs {@code step} until {@code done}, sleeping a little between steps; false after 30 s. */
    public static boolean until(final BooleanSupplier done, final Runnable step)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs >= 0)
            {
                return false;
            }
            step.run();
            try
            {
                Thread.sleep(1);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
