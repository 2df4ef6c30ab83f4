package dev.quietloop.bot.replay;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.quietloop.wire.ConfigException;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Tells a file's format from its first line: a known header, or the shape of a headerless Binance
 * row (older bookTicker files and all spot aggTrades files have no header).
 */
final class FormatDetector
{
    private static final int BOOK_TICKER_FIELDS = 7;
    private static final int FUTURES_AGG_TRADE_FIELDS = 7;
    private static final int SPOT_AGG_TRADE_FIELDS = 8;
    private static final int IS_BUYER_MAKER = 6;
    private static final int IS_BEST_MATCH = 7;
    private static final int SHOWN_LINE_CHARS = 60;

    private FormatDetector()
    {
    }

    /** The format, or null when the line says nothing known. */
    static MarketDataFormat detect(final String firstLine)
    {
        for (final MarketDataFormat format : MarketDataFormat.values())
        {
            if (firstLine.equals(format.header()))
            {
                return format;
            }
        }
        final String[] fields = firstLine.split(",", -1);
        if (fields.length == BOOK_TICKER_FIELDS && allNumbers(fields))
        {
            return MarketDataFormat.BINANCE_BOOKTICKER;
        }
        final boolean spotAggTrade = fields.length == SPOT_AGG_TRADE_FIELDS &&
            isBoolean(fields[IS_BUYER_MAKER]) && isBoolean(fields[IS_BEST_MATCH]);
        final boolean futuresAggTrade = fields.length == FUTURES_AGG_TRADE_FIELDS && isBoolean(fields[IS_BUYER_MAKER]);
        return spotAggTrade || futuresAggTrade ? MarketDataFormat.BINANCE_AGGTRADES : null;
    }

    /** @throws ConfigException naming the path and the known formats when the first line says nothing known. */
    static MarketDataFormat require(final Path path, final String firstLine)
    {
        final MarketDataFormat format = detect(firstLine);
        if (format == null)
        {
            final String shown = firstLine.length() > SHOWN_LINE_CHARS ?
                firstLine.substring(0, SHOWN_LINE_CHARS) + "..." : firstLine;
            throw new ConfigException(path + ": unknown market data format (first line: '" + shown +
                "'); known formats: " + MarketDataFormat.names() + "; --format NAME overrides");
        }
        return format;
    }

    private static boolean allNumbers(final String[] fields)
    {
        for (final String field : fields)
        {
            if (!isDigits(field) && !isDecimal(field))
            {
                return false;
            }
        }
        return true;
    }

    /** Ids and millisecond times, which are beyond the range of a fixed-point decimal. */
    private static boolean isDigits(final String field)
    {
        return !field.isEmpty() && field.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isDecimal(final String field)
    {
        final byte[] bytes = field.getBytes(StandardCharsets.ISO_8859_1);
        final long value = Decimals.parse(new UnsafeBuffer(bytes), 0, bytes.length);
        return value != Decimals.NOT_A_NUMBER && value != Decimals.NOT_FINITE;
    }

    private static boolean isBoolean(final String field)
    {
        return field.equals("True") || field.equals("False") || field.equals("true") || field.equals("false");
    }
}
