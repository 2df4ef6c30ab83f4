package dev.quietloop.bot.replay;

/**
 * A whole quote file in columnar primitive arrays, filled once at start-up so the trading thread
 * only walks arrays. Row {@code i} is the {@code i}-th accepted row; prices and sizes are
 * fixed-point with {@link dev.quietloop.protocol.Event#SCALE}; symbols are small interned ids.
 */
public final class Quotes
{
    public final long[] timestampNs;
    public final int[] symbolId;
    public final long[] bidPrice;
    public final long[] bidSize;
    public final long[] askPrice;
    public final long[] askSize;

    private final String[] symbols;
    private final int count;
    private final long rejected;

    Quotes(
        final long[] timestampNs,
        final int[] symbolId,
        final long[] bidPrice,
        final long[] bidSize,
        final long[] askPrice,
        final long[] askSize,
        final int count,
        final String[] symbols,
        final long rejected)
    {
        this.timestampNs = timestampNs;
        this.symbolId = symbolId;
        this.bidPrice = bidPrice;
        this.bidSize = bidSize;
        this.askPrice = askPrice;
        this.askSize = askSize;
        this.count = count;
        this.symbols = symbols;
        this.rejected = rejected;
    }

    /** Accepted rows. */
    public int count()
    {
        return count;
    }

    /** Malformed rows skipped at load. */
    public long rejected()
    {
        return rejected;
    }

    public int symbolCount()
    {
        return symbols.length;
    }

    public String symbol(final int id)
    {
        return symbols[id];
    }
}
