package dev.quietloop.bot.execution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;

/** Test help: what a publisher put in its ring, one readable line per event, and exact fixed-point literals. */
public final class Published
{
    private Published()
    {
    }

    /** {@code "65000.12345678"} as a fixed-point long, exactly. */
    public static long fixed(final String decimal)
    {
        return new BigDecimal(decimal).movePointRight(8).longValueExact();
    }

    /** Takes every event out of the ring. */
    public static List<Event> drain(final EventRing ring)
    {
        final List<Event> events = new ArrayList<>();
        try
        {
            ring.poller().poll((event, sequence, endOfBatch) -> events.add(new Event().copyFrom(event)));
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
        return events;
    }

    /** Takes every event out of the ring, each described by {@link #describe(Event)}. */
    public static List<String> lines(final EventRing ring)
    {
        final List<String> lines = new ArrayList<>();
        for (final Event event : drain(ring))
        {
            lines.add(describe(event));
        }
        return lines;
    }

    /**
     * The fields an event of its type carries, prices and quantities as decimals: {@code "orderFilled
     * s0 #1 buy 0.3@100"}, {@code "position s0 0.3 mark 99.5 pnl -0.15"}, {@code "orderCancelled s0
     * #2 sell rejected"}, {@code "signal s0 buy code 1 @100 value 12345"} (the value as it is).
     */
    public static String describe(final Event event)
    {
        final String prefix = EventType.name(event.type) + " s" + event.symbolId + " ";
        switch (event.type)
        {
            case EventType.SIGNAL:
                return prefix + side(event.side) + " code " + event.code + " @" + decimal(event.price) +
                    " value " + event.value;
            case EventType.ORDER_PLACED:
            case EventType.ORDER_FILLED:
                return prefix + "#" + event.orderId + " " + side(event.side) + " " + decimal(event.quantity) + "@" +
                    decimal(event.price);
            case EventType.ORDER_CANCELLED:
                return prefix + "#" + event.orderId + " " + side(event.side) + " " +
                    (event.code == Event.REASON_CANCELLED ? "cancelled" :
                    event.code == Event.REASON_REJECTED ? "rejected" : "reason " + event.code);
            case EventType.POSITION:
                return prefix + decimal(event.quantity) + " mark " + decimal(event.price) + " pnl " +
                    decimal(event.value);
            default:
                return event.toString();
        }
    }

    public static String decimal(final long fixed)
    {
        return BigDecimal.valueOf(fixed, 8).stripTrailingZeros().toPlainString();
    }

    private static String side(final byte side)
    {
        return side == Event.SIDE_BUY ? "buy" : side == Event.SIDE_SELL ? "sell" : "side " + side;
    }
}
