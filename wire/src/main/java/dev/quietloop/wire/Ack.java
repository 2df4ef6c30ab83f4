package dev.quietloop.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The broker's acknowledgement to a bot, sent back on the connection the bot's frames came in by:
 * how many of the bot's business events and frames the broker has taken (into its ring, from where
 * each is forwarded or counted as undelivered), and whether its end of stream was among them. The
 * counts are cumulative per source and epoch, so a lost acknowledgement is made good by the next.
 * A bot counts as delivered only what an acknowledgement covers. See docs/wire-format.md.
 * <pre>
 *   u16 magic 'Q''A' | u8 version | u8 flags (bit 0: end of stream taken) | i32 source id | i64 epoch |
 *   i64 events taken | i64 frames taken
 * </pre>
 */
public final class Ack
{
    public static final int MAGIC = 0x4151; // "QA" in little-endian byte order
    public static final int VERSION = 1;
    public static final int FLAG_END_OF_STREAM = 1;
    public static final int BYTES = 32;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int FLAGS_OFFSET = 3;
    private static final int SOURCE_OFFSET = 4;
    private static final int EPOCH_OFFSET = 8;
    private static final int EVENTS_OFFSET = 16;
    private static final int FRAMES_OFFSET = 24;

    private Ack()
    {
    }

    /** Writes an acknowledgement into the first {@link #BYTES} of {@code buffer}. */
    public static void encode(
        final byte[] buffer,
        final int sourceId,
        final long epoch,
        final long eventsTaken,
        final long framesTaken,
        final boolean endOfStream)
    {
        Frame.putUnsignedShort(buffer, 0, MAGIC);
        buffer[2] = VERSION;
        buffer[FLAGS_OFFSET] = (byte)(endOfStream ? FLAG_END_OF_STREAM : 0);
        INT.set(buffer, SOURCE_OFFSET, sourceId);
        LONG.set(buffer, EPOCH_OFFSET, epoch);
        LONG.set(buffer, EVENTS_OFFSET, eventsTaken);
        LONG.set(buffer, FRAMES_OFFSET, framesTaken);
    }

    /** True if the first {@code length} bytes are an acknowledgement of this version. */
    public static boolean isValid(final byte[] buffer, final int length)
    {
        return length == BYTES && Frame.unsignedShort(buffer, 0) == MAGIC && buffer[2] == VERSION &&
            (buffer[FLAGS_OFFSET] & ~FLAG_END_OF_STREAM) == 0;
    }

    public static int sourceId(final byte[] buffer)
    {
        return (int)INT.get(buffer, SOURCE_OFFSET);
    }

    public static long epoch(final byte[] buffer)
    {
        return (long)LONG.get(buffer, EPOCH_OFFSET);
    }

    public static long eventsTaken(final byte[] buffer)
    {
        return (long)LONG.get(buffer, EVENTS_OFFSET);
    }

    public static long framesTaken(final byte[] buffer)
    {
        return (long)LONG.get(buffer, FRAMES_OFFSET);
    }

    public static boolean endOfStream(final byte[] buffer)
    {
        return (buffer[FLAGS_OFFSET] & FLAG_END_OF_STREAM) != 0;
    }
}
