package dev.quietloop.strategy;

/**
 * A trade printed by the market: one reused, mutable flyweight that the replay overwrites for
 * every row. A strategy reads it during its callback and must not keep it. Price and quantity
 * are fixed-point with {@link dev.quietloop.wire.Event#SCALE}; the timestamp is epoch nanoseconds.
 */
public final class Trade
{
    /** {@link #aggressorSide()} when the file does not say who took liquidity. */
    public static final byte SIDE_UNKNOWN = 0;

    private int symbolId;
    private long timestampNs;
    private long price;
    private long quantity;
    private byte aggressorSide;

    /** @param aggressorSide {@link dev.quietloop.wire.Event#SIDE_BUY}, {@code SIDE_SELL} or {@link #SIDE_UNKNOWN} */
    public Trade set(
        final int symbolId,
        final long timestampNs,
        final long price,
        final long quantity,
        final byte aggressorSide)
    {
        this.symbolId = symbolId;
        this.timestampNs = timestampNs;
        this.price = price;
        this.quantity = quantity;
        this.aggressorSide = aggressorSide;
        return this;
    }

    public int symbolId()
    {
        return symbolId;
    }

    public long timestampNs()
    {
        return timestampNs;
    }

    public long price()
    {
        return price;
    }

    public long quantity()
    {
        return quantity;
    }

    /** The side that took liquidity: a buy lifted the offer, a sell hit the bid. */
    public byte aggressorSide()
    {
        return aggressorSide;
    }

    @Override
    public String toString()
    {
        return "Trade{symbolId=" + symbolId + ", timestampNs=" + timestampNs + ", " + quantity + "@" + price +
            ", aggressorSide=" + aggressorSide + '}';
    }
}
