package dev.quietloop.bot.execution;

import dev.quietloop.wire.Event;

/**
 * What paper execution lets a strategy do, whatever it asks: the checks an order passes before it
 * may work. Quantities are fixed-point with {@link Event#SCALE}. The defaults are the limits the bot
 * has always had: five lots of 0.01 a symbol, 64 order slots, and an order no larger than the
 * widest the position limit allows (from the limit short to the limit long).
 *
 * @param maxPosition   the largest absolute position per symbol, counting open orders of the order's side
 * @param maxOpenOrders order slots across all symbols
 * @param maxOrderSize  the largest quantity of one order
 */
public record RiskLimits(long maxPosition, int maxOpenOrders, long maxOrderSize)
{
    /**
     * Five lots of 0.01 per symbol: the sample strategies hold at most two lots, so this leaves
     * room for a reversal in one order while still stopping a strategy that runs away.
     */
    public static final long DEFAULT_MAX_POSITION = 5 * Event.SCALE / 100;
    /**
     * Across all symbols. The sample strategies work at most one order per symbol; 64 slots are
     * plenty for them and small enough that scanning them on a tick is a few cache lines.
     */
    public static final int DEFAULT_MAX_OPEN_ORDERS = 64;
    /** From the position limit short to the limit long in one order: no order the position limit allows is refused for its size. */
    public static final long DEFAULT_MAX_ORDER_SIZE = 2 * DEFAULT_MAX_POSITION;
    /** The bound of {@code --max-open-orders}: the slots are scanned on every tick of a symbol with working orders. */
    public static final int MAX_OPEN_ORDERS_LIMIT = 65_536;
    /** The bound of the two quantities: position and open orders of one side stay summable in a long. */
    public static final long MAX_QUANTITY = Long.MAX_VALUE / 4;

    public static final RiskLimits DEFAULTS = new RiskLimits(DEFAULT_MAX_POSITION, DEFAULT_MAX_OPEN_ORDERS, DEFAULT_MAX_ORDER_SIZE);

    /** @throws IllegalArgumentException for a limit out of its range. */
    public RiskLimits
    {
        if (maxPosition <= 0 || maxPosition > MAX_QUANTITY)
        {
            throw new IllegalArgumentException("max position out of range: " + maxPosition);
        }
        if (maxOpenOrders <= 0 || maxOpenOrders > MAX_OPEN_ORDERS_LIMIT)
        {
            throw new IllegalArgumentException("max open orders out of range: " + maxOpenOrders);
        }
        if (maxOrderSize <= 0 || maxOrderSize > MAX_QUANTITY)
        {
            throw new IllegalArgumentException("max order size out of range: " + maxOrderSize);
        }
    }

    /** The same limits with another position limit. */
    public RiskLimits withMaxPosition(final long maxPosition)
    {
        return new RiskLimits(maxPosition, maxOpenOrders, maxOrderSize);
    }
}
