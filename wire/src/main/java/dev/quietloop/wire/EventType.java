package dev.quietloop.wire;

/**
 * Wire codes of the event types. Business events carry a per-source sequence; control events
 * (heartbeat, end of stream) carry the sender's counters and always travel in a frame of their own.
 */
public final class EventType
{
    public static final byte SIGNAL = 1;
    public static final byte ORDER_PLACED = 2;
    public static final byte ORDER_FILLED = 3;
    /** An order cancelled by the strategy or rejected by execution; {@link Event#code} says which. */
    public static final byte ORDER_CANCELLED = 4;
    public static final byte HEARTBEAT = 5;
    public static final byte END_OF_STREAM = 6;
    /** A symbol's position and PnL after a fill: {@link Event#quantity}, {@link Event#price} (mark), {@link Event#value}. */
    public static final byte POSITION = 7;

    /** Number of distinct codes, for arrays indexed by type; index 0 is unused. */
    public static final int CODES = 8;

    private static final String[] NAMES =
        { "unknown", "signal", "orderPlaced", "orderFilled", "orderCancelled", "heartbeat", "endOfStream", "position" };

    private EventType()
    {
    }

    public static boolean isKnown(final int type)
    {
        return type >= SIGNAL && type < CODES;
    }

    public static boolean isControl(final int type)
    {
        return type == HEARTBEAT || type == END_OF_STREAM;
    }

    /** Stable camelCase name used as a report key. */
    public static String name(final int type)
    {
        return isKnown(type) ? NAMES[type] : NAMES[0];
    }
}
