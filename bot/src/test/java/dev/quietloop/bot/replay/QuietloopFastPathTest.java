package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;

import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Trade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuietloopFastPathTest
{
    private static final String ROW = "1700000000000231130,BTCUSDT,30000.98,4.6919,30001.01,0.5520";
    /** Enough bytes after a row for the fast path to read whole words past it. */
    private static final String SLACK = "\n".repeat(QuietloopFastPath.READ_AHEAD_BYTES);

    private final SymbolTable symbols = new SymbolTable();
    private final Quote quote = new Quote();

    QuietloopFastPathTest()
    {
        symbols.intern("BTCUSDT");
        symbols.intern("ETHUSDT");
        symbols.intern("ABCDEFGHIJKLMNO");
    }

    @Test
    void shouldParseUsualRowAndMovePastItsNewline()
    {
        final BytesLineSource source = new BytesLineSource(ROW + "\n" + ROW + SLACK);

        assertTrue(new QuietloopFastPath(source, quote, symbols).tryNext());

        assertEquals(0, quote.symbolId());
        assertEquals(1_700_000_000_000_231_130L, quote.timestampNs());
        assertEquals(3_000_098_000_000L, quote.bidPrice());
        assertEquals(469_190_000L, quote.bidSize());
        assertEquals(3_000_101_000_000L, quote.askPrice());
        assertEquals(55_200_000L, quote.askSize());
        assertEquals(0, source.lineStart);
        assertEquals(ROW.length(), source.lineEnd);
        assertEquals(ROW.length() + 1, source.position);
        assertEquals(1, source.lineNumber);
        assertFalse(source.lineTooLong);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1700000000000231130,ETHUSDT,1999.92,0.5277,1999.95,2.2293",
        "17000000000002311,BTCUSDT,1,1,2,2",
        "1700000000000231130,ABCDEFGHIJKLMNO,0.00000001,12345678.12345678,1.,99999999",
        "9223372036854775807,BTCUSDT,100.5,1.0,100.5,1.0" })
    void shouldTakeEveryValidRowInTheShapesItKnowsAsTheGeneralPathReadsIt(final String row)
    {
        assertTrue(new QuietloopFastPath(new BytesLineSource(row + SLACK), quote, symbols).tryNext(), row);

        final String fast = quote.toString();
        final OneLineSource line = new OneLineSource(row);
        final RowParser parser = MarketDataFormat.QUIETLOOP.newParser(line, quote, new Trade(), symbols, false, -1);
        assertEquals(MarketDataReader.QUOTE, parser.parse(0, line.length));
        assertEquals(quote.toString(), fast);
    }

    @Test
    void shouldReadRowsWhoseFieldsChangeShapeFromRowToRow()
    {
        final String[] rows = {
            "1700000000000231130,BTCUSDT,30000.98,4.6919,30001.01,0.5520",
            "17000000000002311,ETHUSDT,1999.9,0.52771,1999.95,2",
            "170000000000023113,ABCDEFGHIJKLMNO,2,0.00000001,12345678.12345678,1.",
            "1700000000000231130,BTCUSDT,30000.98,4.6919,30001.01,0.5520",
            "1700000000000231130,A,0.5,3,0.75,12.5" };
        final BytesLineSource source = new BytesLineSource(String.join("\n", rows) + SLACK);
        final QuietloopFastPath fastPath = new QuietloopFastPath(source, quote, symbols);
        symbols.intern("A");

        for (final String row : rows)
        {
            assertTrue(fastPath.tryNext(), row);
            final String fast = quote.toString();
            final OneLineSource line = new OneLineSource(row);
            MarketDataFormat.QUIETLOOP.newParser(line, quote, new Trade(), symbols, false, -1).parse(0, line.length);
            assertEquals(quote.toString(), fast, row);
            assertEquals(row, source.buffer.getStringWithoutLengthAscii(
                source.lineStart, source.lineEnd - source.lineStart));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "timestamp_ns,symbol,bid_price,bid_size,ask_price,ask_size",
        "",
        "1700000000000231130,BTCUSDT,30000.98,4.6919,30001.01,0.5520\r",
        "1700000000000231130,BTCUSDT,30000.98,4.6919,30001.01,0.5520,",
        "1700000000000231130,BTCUSDT,30000.98,4.6919,30001.01",
        "1700000000000231130,BTCUSDT,30001.98,4.6919,30001.01,0.5520",
        "1700000000000231130,BTCUSDT,0,4.6919,30001.01,0.5520",
        "1700000000000231130,BTCUSDT,30000.98,0.0000,30001.01,0.5520",
        "1700000000000231130,BTCUSDT,30000.98,4.6919,30001.01,0",
        "1700000000000231130,SOLUSDT,30000.98,4.6919,30001.01,0.5520",
        "1700000000000231130,ABCDEFGHIJKLMNOP,30000.98,4.6919,30001.01,0.5520",
        "1700000000000231130,,30000.98,4.6919,30001.01,0.5520",
        "9223372036854775808,BTCUSDT,30000.98,4.6919,30001.01,0.5520",
        "17000000000002311300,BTCUSDT,30000.98,4.6919,30001.01,0.5520",
        "1700000000000231,BTCUSDT,30000.98,4.6919,30001.01,0.5520",
        "10,BTCUSDT,100.0,1.0,100.5,1.0",
        "1700000000000231130,BTCUSDT,123456789.5,4.6919,30001.01,0.5520",
        "1700000000000231130,BTCUSDT,30000.123456789,4.6919,30001.01,0.5520",
        "1700000000000231130,BTCUSDT,.5,4.6919,30001.01,0.5520",
        "1700000000000231130,BTCUSDT,+1.5e2,4.6919,30001.01,0.5520",
        "1700000000000231130,BTCUSDT,30000.98,4.6919,30001.01,1e-05",
        "1700000000000231130,BTCUSDT,30000.98,4.6919,30001.01,0.55.20",
        "1700000000000231130,BTCUSDT,30000.98,4.6919,NaN,0.5520" })
    void shouldLeaveSourceAsItWasForRowItDoesNotTake(final String row)
    {
        final BytesLineSource source = new BytesLineSource(row + SLACK);

        assertFalse(new QuietloopFastPath(source, quote, symbols).tryNext(), row);

        assertEquals(0, source.position);
        assertEquals(0, source.lineNumber);
    }

    @Test
    void shouldReadNoWordPastTheBytesHeld()
    {
        final String held = ROW + "\n" + " ".repeat(QuietloopFastPath.READ_AHEAD_BYTES - ROW.length() - 1);

        assertTrue(new QuietloopFastPath(new BytesLineSource(held), quote, symbols).tryNext());
        assertFalse(new QuietloopFastPath(
            new BytesLineSource(held.substring(0, held.length() - 1)), quote, symbols).tryNext());
        assertFalse(new QuietloopFastPath(new BytesLineSource(ROW + "\n"), quote, symbols).tryNext());
    }

    @Test
    void shouldTakeEveryRowOfGeneratedFileButThoseNearItsEnd() throws IOException
    {
        final StringWriter text = new StringWriter();
        MarketDataGenerator.generate(10_000, 7, new String[] { "BTCUSDT", "ETHUSDT" }, text);
        final BytesLineSource source = new BytesLineSource(text.toString());
        final QuietloopFastPath fastPath = new QuietloopFastPath(source, quote, symbols);
        source.nextLine();

        int taken = 0;
        while (fastPath.tryNext())
        {
            taken++;
        }
        int left = 0;
        while (source.nextLine())
        {
            left++;
        }

        assertEquals(10_000, taken + left);
        // Rows are over 50 bytes: at most three start in the last READ_AHEAD_BYTES.
        assertTrue(left <= 3, "left to the general path: " + left);
    }
}
