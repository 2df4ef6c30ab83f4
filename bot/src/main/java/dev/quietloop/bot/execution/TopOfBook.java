package dev.quietloop.bot.execution;

import dev.quietloop.strategy.Quote;
import dev.quietloop.wire.Event;

/**
 * The last known best bid and offer per symbol, which paper execution fills against. A fill takes
 * its size out of the book, so until the next quote another order cannot take the same size again.
 * Before any quote every size is 0 and nothing fills.
 */
final class TopOfBook
{
    private final long[] bidPrice;
    private final long[] bidSize;
    private final long[] askPrice;
    private final long[] askSize;

    TopOfBook(final int symbolCount)
    {
        bidPrice = new long[symbolCount];
        bidSize = new long[symbolCount];
        askPrice = new long[symbolCount];
        askSize = new long[symbolCount];
    }

    void update(final Quote quote)
    {
        final int symbolId = quote.symbolId();
        bidPrice[symbolId] = quote.bidPrice();
        bidSize[symbolId] = quote.bidSize();
        askPrice[symbolId] = quote.askPrice();
        askSize[symbolId] = quote.askSize();
    }

    /**
     * Takes what an order can from the far side of the symbol's book (the ask for a buy) when that
     * side is at or through the order's price.
     *
     * @return the quantity taken, at most {@code quantity}; 0 when the book is not there.
     */
    long take(final int symbolId, final byte side, final long limitPrice, final long quantity)
    {
        if (side == Event.SIDE_BUY)
        {
            final long bookPrice = askPrice[symbolId];
            if (askSize[symbolId] > 0 && bookPrice > 0 && bookPrice <= limitPrice)
            {
                final long taken = Math.min(quantity, askSize[symbolId]);
                askSize[symbolId] -= taken;
                return taken;
            }
        }
        else
        {
            final long bookPrice = bidPrice[symbolId];
            if (bidSize[symbolId] > 0 && bookPrice > 0 && bookPrice >= limitPrice)
            {
                final long taken = Math.min(quantity, bidSize[symbolId]);
                bidSize[symbolId] -= taken;
                return taken;
            }
        }
        return 0;
    }

    /** The price of the far side of the symbol's book for an order of {@code side}. */
    long farPrice(final int symbolId, final byte side)
    {
        return side == Event.SIDE_BUY ? askPrice[symbolId] : bidPrice[symbolId];
    }
}
