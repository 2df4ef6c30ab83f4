package dev.quietloop.bot.replay;

import dev.quietloop.wire.Event;

/**
 * A row of {@link MarketDataFormat#BINANCE_AGGTRADES}: {@code agg_trade_id,price,quantity,
 * first_trade_id,last_trade_id,timestamp,is_buyer_maker}, and {@code is_best_match} in spot files.
 * A buyer that made the market means the seller took it: the aggressor sold.
 */
final class AggTradeRows implements RowLayout
{
    static final int FUTURES_FIELDS = 7;
    static final int SPOT_FIELDS = 8;
    private static final int AGG_TRADE_ID = 0;
    private static final int PRICE = 1;
    private static final int QUANTITY = 2;
    private static final int FIRST_TRADE_ID = 3;
    private static final int LAST_TRADE_ID = 4;
    private static final int TIMESTAMP = 5;
    private static final int IS_BUYER_MAKER = 6;
    private static final int IS_BEST_MATCH = 7;

    @Override
    public int parse(final RowParser row)
    {
        row.integer(AGG_TRADE_ID);
        final long price = row.decimal(PRICE);
        final long quantity = row.decimal(QUANTITY);
        row.integer(FIRST_TRADE_ID);
        row.integer(LAST_TRADE_ID);
        final long timestampNs = row.timestampMillisOrMicros(TIMESTAMP);
        final boolean buyerMaker = row.bool(IS_BUYER_MAKER);
        if (row.fieldCount() == SPOT_FIELDS)
        {
            row.bool(IS_BEST_MATCH);
        }
        row.checks.price(price, PRICE);
        row.checks.size(quantity, QUANTITY);
        final byte side = buyerMaker ? Event.SIDE_SELL : Event.SIDE_BUY;
        return row.tradeRow(RowParser.NO_SYMBOL_COLUMN, timestampNs, price, quantity, side);
    }
}
