package dev.quietloop.bot.execution;

import dev.quietloop.wire.Event;

/**
 * Position, cash and mark price per symbol, for paper execution's PnL: cash plus position at the
 * mark, all fixed-point with 8 decimals. Notional is {@link FixedPoint#multiply exact}, truncated
 * toward zero at the 8th decimal; a notional too large for a long (a position of one unit at a
 * price above 92 billion) throws rather than wraps.
 */
final class Ledger
{
    private final long[] position;
    private final long[] cash;
    private final long[] markPrice;

    Ledger(final int symbolCount)
    {
        position = new long[symbolCount];
        cash = new long[symbolCount];
        markPrice = new long[symbolCount];
    }

    int symbolCount()
    {
        return position.length;
    }

    void mark(final int symbolId, final long price)
    {
        markPrice[symbolId] = price;
    }

    /** Books a fill: a buy adds to the position and pays its notional, a sell the opposite. */
    void book(final int symbolId, final byte side, final long price, final long quantity)
    {
        final long notional = FixedPoint.multiply(price, quantity);
        if (side == Event.SIDE_BUY)
        {
            position[symbolId] += quantity;
            cash[symbolId] -= notional;
        }
        else
        {
            position[symbolId] -= quantity;
            cash[symbolId] += notional;
        }
    }

    long position(final int symbolId)
    {
        return position[symbolId];
    }

    long markPrice(final int symbolId)
    {
        return markPrice[symbolId];
    }

    long pnl(final int symbolId)
    {
        return cash[symbolId] + FixedPoint.multiply(position[symbolId], markPrice[symbolId]);
    }

    long totalPnl()
    {
        long total = 0;
        for (int i = 0; i < position.length; i++)
        {
            total += pnl(i);
        }
        return total;
    }
}
