package dev.quietloop.protocol;

/**
 * Layout of one ZeroMQ frame: a 6-byte header, then {@code count} events, each prefixed by its
 * length. All integers are little-endian. See docs/wire-format.md.
 * <pre>
 *   u16 magic 'Q''L' | u8 version | u8 flags | u16 count | (u16 length, event bytes) * count
 * </pre>
 * The header is readable without decoding the events, which lets the broker count and forward
 * frames without touching their contents.
 */
public final class Frame
{
    public static final int MAGIC = 0x4C51; // "QL" in little-endian byte order
    public static final int VERSION = 1;
    /** Set when the frame holds one control event (heartbeat or end of stream) and nothing else. */
    public static final int FLAG_CONTROL = 1;
    /** Set, with {@link #FLAG_CONTROL}, when that control event is an end of stream. */
    public static final int FLAG_END_OF_STREAM = 2;

    public static final int HEADER_BYTES = 6;
    public static final int LENGTH_PREFIX_BYTES = 2;
    public static final int MIN_FRAME_BYTES = HEADER_BYTES + LENGTH_PREFIX_BYTES + Event.MAX_ENCODED_BYTES;
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024;
    /** A u16 length prefix bounds the whole frame too, so every offset fits the format. */
    public static final int MAX_FRAME_BYTES = 65_535;

    private static final int FLAGS_OFFSET = 3;
    private static final int COUNT_OFFSET = 4;

    private Frame()
    {
    }

    /** True if the frame starts with a header of this version. */
    public static boolean hasValidHeader(final byte[] frame, final int length)
    {
        return length >= HEADER_BYTES &&
            unsignedShort(frame, 0) == MAGIC &&
            (frame[2] & 0xFF) == VERSION;
    }

    public static int flags(final byte[] frame)
    {
        return frame[FLAGS_OFFSET] & 0xFF;
    }

    /** Events in the frame, as its header says; check {@link #hasValidHeader} first. */
    public static int eventCount(final byte[] frame)
    {
        return unsignedShort(frame, COUNT_OFFSET);
    }

    public static boolean isControl(final byte[] frame)
    {
        return (flags(frame) & FLAG_CONTROL) != 0;
    }

    public static boolean isEndOfStream(final byte[] frame)
    {
        return (flags(frame) & FLAG_END_OF_STREAM) != 0;
    }

    static int unsignedShort(final byte[] bytes, final int offset)
    {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }

    static void putUnsignedShort(final byte[] bytes, final int offset, final int value)
    {
        bytes[offset] = (byte)value;
        bytes[offset + 1] = (byte)(value >>> 8);
    }

    static void validateMaxFrameBytes(final int maxFrameBytes)
    {
        if (maxFrameBytes < MIN_FRAME_BYTES || maxFrameBytes > MAX_FRAME_BYTES)
        {
            throw new IllegalArgumentException(
                "max frame bytes must be in [" + MIN_FRAME_BYTES + ", " + MAX_FRAME_BYTES + "]: " + maxFrameBytes);
        }
    }
}
