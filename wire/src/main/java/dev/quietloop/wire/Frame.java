package dev.quietloop.wire;

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
    /**
     * The one version written and read. Version 2 added {@link #FLAG_WARM_UP}: a version-1 reader
     * refuses an unknown flag, so the version says what a frame may carry, and a reader takes its
     * own version alone.
     */
    public static final int VERSION = 2;
    /** Set when the frame holds one control event (heartbeat or end of stream) and nothing else. */
    public static final int FLAG_CONTROL = 1;
    /** Set, with {@link #FLAG_CONTROL}, when that control event is an end of stream. */
    public static final int FLAG_END_OF_STREAM = 2;
    /**
     * Set on a business frame whose events all belong to the bot's warm-up, which only the bot can
     * tell: the hops downstream time them apart from the headline. Never on a control frame.
     */
    public static final int FLAG_WARM_UP = 4;

    public static final int HEADER_BYTES = 6;
    public static final int LENGTH_PREFIX_BYTES = 2;
    public static final int MIN_FRAME_BYTES = HEADER_BYTES + LENGTH_PREFIX_BYTES + Event.MAX_ENCODED_BYTES;
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024;
    /** A u16 length prefix bounds the whole frame too, so every offset fits the format. */
    public static final int MAX_FRAME_BYTES = 65_535;

    /** {@link #validate}: the frame may be counted and forwarded. */
    public static final int VALID = 0;
    /** {@link #validate}: longer than the receiver's buffer or the format's bound. */
    public static final int REJECTED_TOO_LARGE = 1;
    /**
     * {@link #validate}: shorter than a header, wrong magic or version, an unknown flag, end of stream
     * without control, warm-up with control, or flags that disagree with the types of the events inside.
     */
    public static final int REJECTED_BAD_HEADER = 2;
    /** {@link #validate}: no events, a control frame of more than one, or a count that the bytes do not hold exactly. */
    public static final int REJECTED_BAD_COUNT = 3;
    /** {@link #validate}: an event length out of bounds, not the size of its type, or past the frame's end. */
    public static final int REJECTED_BAD_LENGTH = 4;
    /** {@link #validate}: an event whose source id is not the first event's. */
    public static final int REJECTED_MIXED_SOURCE = 5;
    /**
     * Not from {@link #validate}, which knows no sources: a valid frame from a source the receiver does
     * not expect (a broker that launched its bot takes that bot's frames alone).
     */
    public static final int REJECTED_UNKNOWN_SOURCE = 6;
    /** Number of rejection results, for arrays indexed by them. */
    public static final int VALIDATION_RESULTS = 7;

    private static final String[] REJECTION_NAMES = { "valid", "rejectedTooLarge", "rejectedBadHeader",
        "rejectedBadCount", "rejectedBadLength", "rejectedMixedSource", "rejectedUnknownSource" };
    private static final int KNOWN_FLAGS = FLAG_CONTROL | FLAG_END_OF_STREAM | FLAG_WARM_UP;
    private static final int FLAGS_OFFSET = 3;
    private static final int COUNT_OFFSET = 4;

    private Frame()
    {
    }

    /** True if the frame starts with a header of this {@link #VERSION}: any other is refused. */
    public static boolean hasValidHeader(final byte[] frame, final int length)
    {
        return length >= HEADER_BYTES &&
            unsignedShort(frame, 0) == MAGIC &&
            (frame[2] & 0xFF) == VERSION;
    }

    /**
     * Checks a whole frame before anything counts or forwards it: the header, every event's length
     * against its type and the frame's bytes, the count against those lengths, and one source for all
     * its events. Reads only the frame's bytes; allocates nothing.
     *
     * @param frame  the bytes received; {@code length} may exceed its size when the socket truncated
     * @param length the frame's length as received
     * @return {@link #VALID}, or the first {@code REJECTED_*} reason found.
     */
    public static int validate(final byte[] frame, final int length)
    {
        if (length > frame.length || length > MAX_FRAME_BYTES)
        {
            return REJECTED_TOO_LARGE;
        }
        if (!hasValidHeader(frame, length))
        {
            return REJECTED_BAD_HEADER;
        }
        final int flags = flags(frame);
        final boolean control = (flags & FLAG_CONTROL) != 0;
        final boolean endOfStream = (flags & FLAG_END_OF_STREAM) != 0;
        final boolean warmUp = (flags & FLAG_WARM_UP) != 0;
        if ((flags & ~KNOWN_FLAGS) != 0 || (endOfStream && !control) || (warmUp && control))
        {
            return REJECTED_BAD_HEADER;
        }
        final int count = eventCount(frame);
        if (count == 0 || (control && count != 1))
        {
            return REJECTED_BAD_COUNT;
        }
        int position = HEADER_BYTES;
        int sourceId = 0;
        for (int i = 0; i < count; i++)
        {
            if (length - position < LENGTH_PREFIX_BYTES)
            {
                return REJECTED_BAD_COUNT;
            }
            final int eventLength = unsignedShort(frame, position);
            position += LENGTH_PREFIX_BYTES;
            if (eventLength < Event.MIN_ENCODED_BYTES || eventLength > Event.MAX_ENCODED_BYTES ||
                eventLength > length - position)
            {
                return REJECTED_BAD_LENGTH;
            }
            final int type = frame[position];
            if (eventLength != Event.encodedLength(type))
            {
                return REJECTED_BAD_LENGTH;
            }
            if (EventType.isControl(type) != control || (type == EventType.END_OF_STREAM) != endOfStream)
            {
                return REJECTED_BAD_HEADER;
            }
            final int source = int32(frame, position + Event.SOURCE_ID_OFFSET);
            if (i == 0)
            {
                sourceId = source;
            }
            else if (source != sourceId)
            {
                return REJECTED_MIXED_SOURCE;
            }
            position += eventLength;
        }
        return position == length ? VALID : REJECTED_BAD_COUNT;
    }

    /**
     * The counter name of a {@link #validate} result, without the process prefix:
     * {@code rejectedBadHeader} and so on ({@code valid} for {@link #VALID}).
     */
    public static String rejectionName(final int result)
    {
        return REJECTION_NAMES[result];
    }

    /** The source of a frame {@link #validate} found valid: its first event's, which all its events share. */
    public static int sourceId(final byte[] frame)
    {
        return int32(frame, HEADER_BYTES + LENGTH_PREFIX_BYTES + Event.SOURCE_ID_OFFSET);
    }

    /** The epoch of a frame {@link #validate} found valid: its first event's. */
    public static long epoch(final byte[] frame)
    {
        final int offset = HEADER_BYTES + LENGTH_PREFIX_BYTES + Event.EPOCH_OFFSET;
        return (int32(frame, offset) & 0xFFFF_FFFFL) | (long)int32(frame, offset + 4) << 32;
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

    /** True if every event of the frame belongs to the bot's warm-up ({@link #FLAG_WARM_UP}). */
    public static boolean isWarmUp(final byte[] frame)
    {
        return (flags(frame) & FLAG_WARM_UP) != 0;
    }

    static int unsignedShort(final byte[] bytes, final int offset)
    {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }

    static int int32(final byte[] bytes, final int offset)
    {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16 |
            (bytes[offset + 3] & 0xFF) << 24;
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
