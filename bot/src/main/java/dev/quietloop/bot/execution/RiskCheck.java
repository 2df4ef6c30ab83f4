package dev.quietloop.bot.execution;

/**
 * Why paper execution refused an order, in the order the checks run: an order is counted under
 * the first it fails. {@link #key()} names its count in the bot's summary.
 */
public enum RiskCheck
{
    /** A price or quantity not above zero, a side neither buy nor sell, or a symbol id the replay does not have. */
    INVALID("invalid"),
    /** Larger than {@link RiskLimits#maxOrderSize()}. */
    MAX_ORDER_SIZE("maxOrderSize"),
    /** Every one of {@link RiskLimits#maxOpenOrders()} slots holds an order. */
    MAX_OPEN_ORDERS("maxOpenOrders"),
    /** The position, with the open orders of the order's side, would pass {@link RiskLimits#maxPosition()}. */
    MAX_POSITION("maxPosition");

    private final String key;

    RiskCheck(final String key)
    {
        this.key = key;
    }

    /** The last part of its summary key, {@code bot.ordersRejectedBy.<key>}. */
    public String key()
    {
        return key;
    }

}
