package dev.quietloop.bot.replay;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Says in words why the start-up scan skipped a row: the column and its text, cut short and
 * printable. Start-up only; builds strings.
 */
final class RejectReport
{
    static final int SHOWN_CHARS = 40;

    private RejectReport()
    {
    }

    /** The detail of the row the reader just rejected, e.g. {@code bid_price 'abc'}. */
    static String detail(final MarketDataFormat format, final MarketDataReader reader)
    {
        final LineSource source = reader.source();
        final RowParser parser = reader.parser();
        switch (reader.rejectReason())
        {
            case LINE_TOO_LONG:
                return "longer than " + LineSource.MAX_LINE_BYTES + " bytes";
            case FIELD_COUNT:
                return "expected " + format.expectedFields() + " fields, found " + fieldCount(source) + ": '" +
                    shown(source.buffer, source.lineStart, source.lineEnd) + "'";
            case CROSSED_BOOK:
                return format.column(parser.checks.column) + " " + field(source, parser.checks.column) + " > " +
                    format.column(parser.checks.otherColumn) + " " + field(source, parser.checks.otherColumn);
            case BAD_SYMBOL:
                final String symbol = field(source, parser.checks.column);
                return format.column(parser.checks.column) + " '" + symbol + "'" + (SymbolTable.isSymbol(symbol) ?
                    " (more than " + SymbolTable.CAPACITY + " distinct symbols)" : "");
            default:
                return format.column(parser.checks.column) + " '" + field(source, parser.checks.column) + "'";
        }
    }

    private static int fieldCount(final LineSource source)
    {
        int fields = 1;
        for (int i = source.lineStart; i < source.lineEnd; i++)
        {
            fields += source.buffer.getByte(i) == ',' ? 1 : 0;
        }
        return fields;
    }

    private static String field(final LineSource source, final int column)
    {
        int start = source.lineStart;
        for (int i = 0; i < column; i++)
        {
            while (start < source.lineEnd && source.buffer.getByte(start) != ',')
            {
                start++;
            }
            start++;
        }
        int end = Math.min(start, source.lineEnd);
        while (end < source.lineEnd && source.buffer.getByte(end) != ',')
        {
            end++;
        }
        return shown(source.buffer, Math.min(start, end), end);
    }

    /** The bytes as printable ASCII, a {@code ?} for any other byte, cut to {@link #SHOWN_CHARS}. */
    static String shown(final UnsafeBuffer buffer, final int start, final int end)
    {
        final StringBuilder text = new StringBuilder(SHOWN_CHARS + 3);
        for (int i = start; i < Math.min(end, start + SHOWN_CHARS); i++)
        {
            final byte b = buffer.getByte(i);
            text.append(b >= 0x20 && b < 0x7F ? (char)b : '?');
        }
        return end - start > SHOWN_CHARS ? text.append("...").toString() : text.toString();
    }
}
