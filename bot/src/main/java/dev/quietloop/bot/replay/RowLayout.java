package dev.quietloop.bot.replay;

/**
 * Which column of a market data format's row holds what: a layout reads the columns it uses, left
 * to right, with the helpers of {@link RowParser}, which owns everything the formats share. A
 * layout holds no state, so one serves every reader.
 */
interface RowLayout
{
    /**
     * Parses the parser's current row, which has the format's number of fields.
     *
     * @return what {@link RowParser#quoteRow} or {@link RowParser#tradeRow} returns.
     */
    int parse(RowParser row);
}
