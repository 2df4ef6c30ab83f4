package dev.quietloop.wire;

import net.openhft.chronicle.bytes.Bytes;

/**
 * Decodes frames into one reused {@link Event}. A frame is validated whole before any of its
 * events is delivered ({@link Frame#validate}), so it is either accepted entirely or counted as one
 * decode error of a known kind; bad bytes never throw. Each event carries its frame's warm-up flag
 * ({@link Event#warmUp}). Owned by one thread; allocates nothing after construction.
 */
public final class FrameDecoder
{
    private final byte[] buffer;
    private final int maxFrameBytes;
    private final Bytes<byte[]> bytes;
    private final Event event = new Event();
    private long framesDecoded;
    private long decodeErrors;
    private int lastRejection = Frame.VALID;

    public FrameDecoder(final int maxFrameBytes)
    {
        Frame.validateMaxFrameBytes(maxFrameBytes);
        this.maxFrameBytes = maxFrameBytes;
        // One byte more than the largest frame: a socket truncates a longer frame silently to the
        // buffer, so a frame that fills the extra byte is known too large instead of cut to a valid one.
        buffer = new byte[maxFrameBytes + 1];
        bytes = Bytes.wrapForRead(buffer);
        bytes.singleThreadedCheckDisabled(true);
    }

    /**
     * The array to receive a frame into before calling {@link #decode(int, EventListener)}: receive its
     * whole length, one byte more than the largest frame, so that a longer frame is seen as such.
     */
    public byte[] buffer()
    {
        return buffer;
    }

    /** Copies the frame into this decoder's buffer, then decodes it. */
    public int decode(final byte[] frame, final int offset, final int length, final EventListener listener)
    {
        if (length < 0 || length > maxFrameBytes)
        {
            lastRejection = length < 0 ? Frame.REJECTED_BAD_HEADER : Frame.REJECTED_TOO_LARGE;
            decodeErrors++;
            return -1;
        }
        System.arraycopy(frame, offset, buffer, 0, length);
        return decode(length, listener);
    }

    /**
     * Decodes the first {@code length} bytes of {@link #buffer()}.
     *
     * @return the number of events delivered, or -1 if the frame was malformed and counted.
     */
    public int decode(final int length, final EventListener listener)
    {
        lastRejection = length > maxFrameBytes ? Frame.REJECTED_TOO_LARGE : Frame.validate(buffer, length);
        if (lastRejection != Frame.VALID)
        {
            decodeErrors++;
            return -1;
        }
        final int count = Frame.eventCount(buffer);
        final boolean warmUp = Frame.isWarmUp(buffer);
        bytes.readLimit(length);
        bytes.readPosition(Frame.HEADER_BYTES);
        for (int i = 0; i < count; i++)
        {
            bytes.readSkip(Frame.LENGTH_PREFIX_BYTES);
            event.readMarshallable(bytes);
            event.warmUp = warmUp;
            listener.onEvent(event);
        }
        framesDecoded++;
        return count;
    }

    public long framesDecoded()
    {
        return framesDecoded;
    }

    public long decodeErrors()
    {
        return decodeErrors;
    }

    /** Why the last frame was refused ({@link Frame#validate}'s result), or {@link Frame#VALID}. */
    public int lastRejection()
    {
        return lastRejection;
    }
}
