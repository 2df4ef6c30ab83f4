package dev.quietloop.broker.ring;

import com.lmax.disruptor.EventTranslatorOneArg;
import dev.quietloop.wire.Frame;

/**
 * One frame as it came off the ingest socket: its bytes, unchanged, and how many business events
 * its header announced. Pre-allocated once per ring slot and reused.
 */
public final class FrameSlot
{
    /** Copies a staged frame into a ring slot; a constant, so publishing allocates nothing. */
    public static final EventTranslatorOneArg<FrameSlot, FrameSlot> COPY =
        (slot, sequence, source) -> slot.copyFrom(source);

    private final byte[] bytes;
    private int length;
    private int businessEvents;
    private long receivedNs;

    public FrameSlot(final int capacityBytes)
    {
        bytes = new byte[capacityBytes];
    }

    public byte[] bytes()
    {
        return bytes;
    }

    public int capacity()
    {
        return bytes.length;
    }

    public int length()
    {
        return length;
    }

    /** Business events in the frame: 0 for a control frame (heartbeat or end of stream). */
    public int businessEvents()
    {
        return businessEvents;
    }

    /** Whether the frame's header says its events are the bot's warm-up ({@link Frame#FLAG_WARM_UP}). */
    public boolean isWarmUp()
    {
        return Frame.isWarmUp(bytes);
    }

    /** When the receiver took the frame off its socket ({@code System.nanoTime()}), if it timed it; else 0. */
    public long receivedNs()
    {
        return receivedNs;
    }

    public FrameSlot set(final int length, final int businessEvents, final long receivedNs)
    {
        this.length = length;
        this.businessEvents = businessEvents;
        this.receivedNs = receivedNs;
        return this;
    }

    public void copyFrom(final FrameSlot source)
    {
        System.arraycopy(source.bytes, 0, bytes, 0, source.length);
        length = source.length;
        businessEvents = source.businessEvents;
        receivedNs = source.receivedNs;
    }
}
