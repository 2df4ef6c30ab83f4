package dev.quietloop.bot.replay;

import dev.quietloop.protocol.Event;

/**
 * A row of {@link MarketDataFormat#BINANCE_AGGTRADES}: {@code agg_trade_id,price,quantity,
 * first_trade_id,last_trade_id,timestamp,is_buyer_maker}, and {@code is_best_match} in spot files.
 * A buyer that made the market means the seller took it: the aggressor sold.
 */
final class AggTradeRowParser extends RowParser
{
    private static final int FUTURES_FIELDS = 7;
    private static final int SPOT_FIELDS = 8;
    private static final int AGG_TRADE_ID = 0;
    private static final int PRICE = 1;
    private static final int QUANTITY = 2;
    private static final int FIRST_TRADE_ID = 3;
    private static final int LAST_TRADE_ID = 4;
    private static final int TIMESTAMP = 5;
    private static final int IS_BUYER_MAKER = 6;
    private static final int IS_BEST_MATCH = 7;

    private final int symbolId;

    AggTradeRowParser(final LineSource source, final Quote quote, final Trade trade, final int symbolId)
    {
        super(source, quote, trade, null, false);
        this.symbolId = symbolId;
    }

    @Override
    int parseRow()
    {
        if (fieldCount() != FUTURES_FIELDS && fieldCount() != SPOT_FIELDS)
        {
            rejectFieldCount();
            return MarketDataReader.REJECTED;
        }
        integer(AGG_TRADE_ID);
        final long price = decimal(PRICE);
        final long quantity = decimal(QUANTITY);
        integer(FIRST_TRADE_ID);
        integer(LAST_TRADE_ID);
        final long timestampNs = timestampMillisOrMicros(TIMESTAMP);
        final boolean buyerMaker = bool(IS_BUYER_MAKER);
        if (fieldCount() == SPOT_FIELDS)
        {
            bool(IS_BEST_MATCH);
        }
        checkPrice(price, PRICE);
        checkSize(quantity, QUANTITY);
        if (reason != null)
        {
            return MarketDataReader.REJECTED;
        }
        trade.set(symbolId, timestampNs, price, quantity, buyerMaker ? Event.SIDE_SELL : Event.SIDE_BUY);
        return MarketDataReader.TRADE;
    }
}
