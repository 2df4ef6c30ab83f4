package dev.quietloop.bot.execution;

import dev.quietloop.wire.Event;

/**
 * What each symbol's working orders could still add to its position: their open quantity per
 * side, which the position limit counts, and how many there are, so a tick for a symbol with
 * none skips matching.
 */
final class Exposure
{
    private final long positionLimit;
    private final long[] openBuyQuantity;
    private final long[] openSellQuantity;
    private final int[] workingOrders;

    /** @param positionLimit largest absolute position per symbol, fixed-point, counting open orders */
    Exposure(final int symbolCount, final long positionLimit)
    {
        // Position and open orders of one side stay within three limits of each other: no sum overflows.
        if (positionLimit <= 0 || positionLimit > Long.MAX_VALUE / 4)
        {
            throw new IllegalArgumentException("position limit out of range: " + positionLimit);
        }
        this.positionLimit = positionLimit;
        openBuyQuantity = new long[symbolCount];
        openSellQuantity = new long[symbolCount];
        workingOrders = new int[symbolCount];
    }

    boolean hasWorkingOrders(final int symbolId)
    {
        return workingOrders[symbolId] > 0;
    }

    /**
     * Whether an order of {@code side} for {@code quantity} keeps the position, counting the open
     * orders of that side, within the limit; written as the room left so that a huge quantity
     * cannot overflow a sum.
     */
    boolean allows(final int symbolId, final byte side, final long quantity, final long position)
    {
        if (side == Event.SIDE_BUY)
        {
            return quantity <= positionLimit - position - openBuyQuantity[symbolId];
        }
        if (side == Event.SIDE_SELL)
        {
            return quantity <= positionLimit + position - openSellQuantity[symbolId];
        }
        return false;
    }

    void open(final int symbolId, final byte side, final long quantity)
    {
        workingOrders[symbolId]++;
        add(symbolId, side, quantity);
    }

    /** A fill or a cancel took {@code quantity} off an order; {@code done} when nothing of it is left working. */
    void reduce(final int symbolId, final byte side, final long quantity, final boolean done)
    {
        add(symbolId, side, -quantity);
        if (done)
        {
            workingOrders[symbolId]--;
        }
    }

    private void add(final int symbolId, final byte side, final long quantity)
    {
        if (side == Event.SIDE_BUY)
        {
            openBuyQuantity[symbolId] += quantity;
        }
        else
        {
            openSellQuantity[symbolId] += quantity;
        }
    }
}
