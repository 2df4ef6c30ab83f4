package dev.quietloop.bot.replay;

import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Trade;

/**
 * Replays a {@link MarketDataFile} row by row on the trading thread: each {@link #next()} parses
 * one row straight from the mapped (or inflated) bytes into a reused {@link Quote} or
 * {@link Trade}, allocating nothing. Rows the start-up scan rejected are rejected again here, for
 * the same reason, so the trading thread can count them without asking why. A quietloop row in its
 * usual shape is read in one pass by {@link QuietloopFastPath}; every other row is found by the line
 * source and then parsed by the format's {@link RowParser}.
 */
public final class MarketDataReader implements AutoCloseable
{
    /** No more rows. */
    public static final int END = 0;
    /** {@link #quote()} holds the row. */
    public static final int QUOTE = 1;
    /** {@link #trade()} holds the row. */
    public static final int TRADE = 2;
    /** The row was skipped; {@link #rejectReason()} says why. */
    public static final int REJECTED = 3;

    private final LineSource source;
    private final RowParser parser;
    /** Null for every format but {@link MarketDataFormat#QUIETLOOP}. */
    private final QuietloopFastPath fastPath;
    private final Quote quote = new Quote();
    private final Trade trade = new Trade();
    private RejectReason rejectReason;

    /** @param headerLine the header's line number, skipped; 0 when the file has none. */
    MarketDataReader(
        final LineSource source,
        final MarketDataFormat format,
        final SymbolTable symbols,
        final boolean intern,
        final int fixedSymbolId,
        final long headerLine)
    {
        this.source = source;
        this.parser = format.newParser(source, quote, trade, symbols, intern, fixedSymbolId);
        this.fastPath = format == MarketDataFormat.QUIETLOOP ? new QuietloopFastPath(source, quote, symbols) : null;
        while (source.lineNumber < headerLine && source.nextLine())
        {
            // lines up to the header carry no rows
        }
    }

    /** Parses the next row: {@link #QUOTE}, {@link #TRADE}, {@link #REJECTED} or {@link #END}; skips empty lines. */
    public int next()
    {
        final QuietloopFastPath fastPath = this.fastPath;
        if (fastPath != null && fastPath.tryNext())
        {
            rejectReason = null;
            return QUOTE;
        }
        final LineSource source = this.source;
        while (source.nextLine())
        {
            if (source.lineTooLong)
            {
                rejectReason = RejectReason.LINE_TOO_LONG;
                return REJECTED;
            }
            final int start = source.lineStart;
            final int end = source.lineEnd;
            if (start < end)
            {
                final int result = parser.parse(start, end);
                rejectReason = parser.checks.reason;
                return result;
            }
        }
        return END;
    }

    /** The row after {@link #QUOTE}: the same flyweight every time, overwritten by the next row. */
    public Quote quote()
    {
        return quote;
    }

    /** The row after {@link #TRADE}: the same flyweight every time, overwritten by the next row. */
    public Trade trade()
    {
        return trade;
    }

    /** Why the row was skipped, after {@link #REJECTED}. */
    public RejectReason rejectReason()
    {
        return rejectReason;
    }

    /** The 1-based line of the row just returned (header and empty lines count). */
    public long lineNumber()
    {
        return source.lineNumber;
    }

    /** Unmaps or closes the file; idempotent; {@link #next()} returns {@link #END} afterwards. */
    @Override
    public void close()
    {
        source.close();
    }

    LineSource source()
    {
        return source;
    }

    RowParser parser()
    {
        return parser;
    }
}
