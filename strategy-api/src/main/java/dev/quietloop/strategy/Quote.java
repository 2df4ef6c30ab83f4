package dev.quietloop.strategy;

/**
 * A top-of-book quote: one reused, mutable flyweight that the replay overwrites for every row.
 * A strategy reads it during its callback and must not keep it. Prices and sizes are fixed-point
 * with {@link dev.quietloop.wire.Event#SCALE}; the timestamp is epoch nanoseconds.
 */
public final class Quote
{
    private int symbolId;
    private long timestampNs;
    private long bidPrice;
    private long bidSize;
    private long askPrice;
    private long askSize;

    public Quote set(
        final int symbolId,
        final long timestampNs,
        final long bidPrice,
        final long bidSize,
        final long askPrice,
        final long askSize)
    {
        this.symbolId = symbolId;
        this.timestampNs = timestampNs;
        this.bidPrice = bidPrice;
        this.bidSize = bidSize;
        this.askPrice = askPrice;
        this.askSize = askSize;
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

    public long bidPrice()
    {
        return bidPrice;
    }

    public long bidSize()
    {
        return bidSize;
    }

    public long askPrice()
    {
        return askPrice;
    }

    public long askSize()
    {
        return askSize;
    }

    /** The mid price, fixed-point, rounded down. */
    public long midPrice()
    {
        return (bidPrice + askPrice) >>> 1;
    }

    @Override
    public String toString()
    {
        return "Quote{symbolId=" + symbolId + ", timestampNs=" + timestampNs + ", bid=" + bidSize + "@" + bidPrice +
            ", ask=" + askSize + "@" + askPrice + '}';
    }
}
