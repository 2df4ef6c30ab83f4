package dev.quietloop.wire;

import java.nio.ByteOrder;

import net.openhft.chronicle.bytes.Bytes;

/**
 * Batches events into one bounded frame, written with Chronicle Bytes over a reused array.
 * Owned by one thread (the bot's sender); allocates nothing after construction.
 */
public final class FrameEncoder
{
    private final byte[] buffer;
    private final Bytes<byte[]> bytes;
    private int count;

    public FrameEncoder(final int maxFrameBytes)
    {
        Frame.validateMaxFrameBytes(maxFrameBytes);
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN)
        {
            throw new IllegalStateException("the wire format is little-endian; this platform is not");
        }
        buffer = new byte[maxFrameBytes];
        bytes = Bytes.wrapForWrite(buffer);
        // Built on the main thread, used on the sender thread; Thread.start orders the hand-over.
        bytes.singleThreadedCheckDisabled(true);
        reset(0);
    }

    /**
     * Starts an empty frame with the given {@link Frame} flags: 0 for a business frame, or
     * {@link Frame#FLAG_WARM_UP} for one of the bot's warm-up events only.
     */
    public FrameEncoder reset(final int flags)
    {
        count = 0;
        Frame.putUnsignedShort(buffer, 0, Frame.MAGIC);
        buffer[2] = (byte)Frame.VERSION;
        buffer[3] = (byte)flags;
        Frame.putUnsignedShort(buffer, 4, 0);
        bytes.writePosition(Frame.HEADER_BYTES);
        return this;
    }

    /** True if one more event of any type fits in this frame. */
    public boolean hasRoom()
    {
        return buffer.length - bytes.writePosition() >= Frame.LENGTH_PREFIX_BYTES + Event.MAX_ENCODED_BYTES &&
            count < 0xFFFF;
    }

    /**
     * Appends one event.
     *
     * @return false, with nothing written, when the frame has no room left.
     */
    public boolean tryAppend(final Event event)
    {
        if (!hasRoom())
        {
            return false;
        }
        final int length = Event.encodedLength(event.type);
        if (length < 0)
        {
            throw new IllegalArgumentException("cannot encode event type " + event.type);
        }
        bytes.writeUnsignedShort(length);
        event.writeMarshallable(bytes);
        count++;
        Frame.putUnsignedShort(buffer, 4, count);
        return true;
    }

    /** Encodes a control event as a frame of its own, replacing whatever this frame held. */
    public FrameEncoder control(final Event event)
    {
        if (!EventType.isControl(event.type))
        {
            throw new IllegalArgumentException("not a control event: " + EventType.name(event.type));
        }
        final int flags = event.type == EventType.END_OF_STREAM ?
            Frame.FLAG_CONTROL | Frame.FLAG_END_OF_STREAM : Frame.FLAG_CONTROL;
        reset(flags);
        tryAppend(event);
        return this;
    }

    public byte[] buffer()
    {
        return buffer;
    }

    /** Bytes of the frame so far, header included. */
    public int length()
    {
        return (int)bytes.writePosition();
    }

    public int eventCount()
    {
        return count;
    }

    public boolean isEmpty()
    {
        return count == 0;
    }
}
