package dev.quietloop.bot.replay;

/**
 * The row's first problem, and the checks of values that every format shares. A check records a
 * problem only when the row has none yet, so every bad row gets one reason: a wrong field count
 * first, then the leftmost bad number or word, then bad values (non-positive, crossed), then the
 * symbol (not one, or unknown).
 */
final class RowChecks
{
    /** Null while the row has no problem. */
    RejectReason reason;
    int column;
    /** The ask column of a crossed book, for the report. */
    int otherColumn;

    void clear()
    {
        reason = null;
    }

    /** Records the row's first problem; returns 0 so a field reader can return it as its value. */
    long fail(final RejectReason reason, final int column)
    {
        if (this.reason == null)
        {
            this.reason = reason;
            this.column = column;
        }
        return 0;
    }

    void price(final long price, final int column)
    {
        if (price <= 0)
        {
            fail(RejectReason.NON_POSITIVE_PRICE, column);
        }
    }

    void size(final long size, final int column)
    {
        if (size <= 0)
        {
            fail(RejectReason.NON_POSITIVE_SIZE, column);
        }
    }

    /**
     * Checks a quote's four values, wherever the format puts them: the leftmost one that is not
     * positive is the problem, unless the row has one already; then a bid above the ask.
     */
    void quote(
        final long bidPrice,
        final int bidPriceColumn,
        final long bidSize,
        final int bidSizeColumn,
        final long askPrice,
        final int askPriceColumn,
        final long askSize,
        final int askSizeColumn)
    {
        if (bidPrice <= 0 || bidSize <= 0 || askPrice <= 0 || askSize <= 0)
        {
            int column = Integer.MAX_VALUE;
            RejectReason leftmost = null;
            if (bidPrice <= 0)
            {
                column = bidPriceColumn;
                leftmost = RejectReason.NON_POSITIVE_PRICE;
            }
            if (bidSize <= 0 && bidSizeColumn < column)
            {
                column = bidSizeColumn;
                leftmost = RejectReason.NON_POSITIVE_SIZE;
            }
            if (askPrice <= 0 && askPriceColumn < column)
            {
                column = askPriceColumn;
                leftmost = RejectReason.NON_POSITIVE_PRICE;
            }
            if (askSize <= 0 && askSizeColumn < column)
            {
                column = askSizeColumn;
                leftmost = RejectReason.NON_POSITIVE_SIZE;
            }
            fail(leftmost, column);
        }
        else if (bidPrice > askPrice && reason == null)
        {
            reason = RejectReason.CROSSED_BOOK;
            this.column = bidPriceColumn;
            otherColumn = askPriceColumn;
        }
    }
}
