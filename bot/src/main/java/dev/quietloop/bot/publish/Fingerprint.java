package dev.quietloop.bot.publish;

import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;

/**
 * A running hash over the ordered stream of business events a bot produces, published or not:
 * two runs of the same data, strategy and options produce the same fingerprint, whatever the
 * timing did to the ring. It covers what a strategy decides (type, symbol, side, prices,
 * quantities, codes, the market data timestamp), never what differs from run to run (the epoch,
 * the origin time). Not cryptographic: a few multiplies per event, on the trading thread.
 */
public final class Fingerprint
{
    private static final long SEED = 0x51_7C_C1_B7_27_22_0A_95L;
    private static final long MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;

    private long hash = SEED;

    /** Adds one business event, in the order produced. */
    public void add(final Event event)
    {
        long h = mix(hash, event.type);
        h = mix(h, event.symbolId);
        h = mix(h, event.marketDataNs);
        switch (event.type)
        {
            case EventType.SIGNAL:
                h = mix(mix(mix(mix(h, event.side), event.code), event.price), event.value);
                break;
            case EventType.ORDER_PLACED:
            case EventType.ORDER_FILLED:
                h = mix(mix(mix(mix(h, event.orderId), event.side), event.price), event.quantity);
                break;
            case EventType.ORDER_CANCELLED:
                h = mix(mix(mix(h, event.orderId), event.side), event.code);
                break;
            case EventType.POSITION:
                h = mix(mix(mix(h, event.quantity), event.price), event.value);
                break;
            default:
                break;
        }
        hash = h;
    }

    /** The hash of every event added so far. */
    public long value()
    {
        return hash;
    }

    private static long mix(final long hash, final long value)
    {
        final long h = (hash ^ value) * MULTIPLIER;
        return h ^ (h >>> 29);
    }
}
