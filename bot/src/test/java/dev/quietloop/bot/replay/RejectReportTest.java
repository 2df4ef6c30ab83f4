package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.quietloop.protocol.testing.PrintCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectReportTest
{
    private static final String HEADER = "timestamp_ns,symbol,bid_price,bid_size,ask_price,ask_size";

    @TempDir
    Path dir;

    private final PrintCapture err = new PrintCapture();

    @Test
    void shouldReportFirstFiveSkippedRowsWithLineNumbersThenOneSummary() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "quotes.csv", HEADER,
            "10,BTCUSDT,100.0,1.0,100.5,1.0",
            "11,BTCUSDT,100.0,1.0,100.5",
            "12,BTCUSDT,abc,1.0,100.5,1.0",
            "",
            "13,BTCUSDT,100.0,-1.0,100.5,1.0",
            "14,BTCUSDT,100.6,1.0,100.5,1.0",
            "15,BTC USDT,100.0,1.0,100.5,1.0",
            "16,BTCUSDT,100.0,1.0,100.5,NaN",
            "17,BTCUSDT,0,1.0,100.5,1.0",
            "18,ETHUSDT,10.0,1.0,10.5,1.0\r");

        final MarketDataFile file = MarketDataFile.open(path, null, null, false, err.stream);

        assertArrayEquals(new String[] {
            path + ":3: skipped row (fieldCount): expected 6 fields, found 5: '11,BTCUSDT,100.0,1.0,100.5'",
            path + ":4: skipped row (notANumber): bid_price 'abc'",
            path + ":6: skipped row (nonPositiveSize): bid_size '-1.0'",
            path + ":7: skipped row (crossedBook): bid_price 100.6 > ask_price 100.5",
            path + ":8: skipped row (badSymbol): symbol 'BTC USDT'",
            path + ": 7 malformed rows skipped (the first 5 shown)" }, err.lines());
        assertEquals(9, file.rows());
        assertEquals(2, file.accepted());
        assertEquals(7, file.rejected());
        assertEquals(file.rows(), file.accepted() + file.rejected());
        assertEquals(1, file.rejected(RejectReason.NOT_FINITE));
        assertEquals(1, file.rejected(RejectReason.NON_POSITIVE_PRICE));
        assertEquals(0, file.rejected(RejectReason.LINE_TOO_LONG));
    }

    @Test
    void shouldCutLongBadTextAndShowUnprintableBytesAsQuestionMarks() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "quotes.csv", HEADER,
            "10,BTCUSDT,100.0,1.0,100.5,1.0",
            "11,BTCUSDT," + "9".repeat(60) + ",1.0,100.5,1.0",
            "12,BTCUSDT,1\u00002,1.0,100.5,1.0");

        MarketDataFile.open(path, null, null, false, err.stream);

        assertArrayEquals(new String[] {
            path + ":3: skipped row (notANumber): bid_price '" + "9".repeat(40) + "...'",
            path + ":4: skipped row (notANumber): bid_price '1?2'" }, err.lines());
    }

    @Test
    void shouldSayWhenSymbolIsValidButTableIsFull() throws IOException
    {
        final StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i <= SymbolTable.CAPACITY; i++)
        {
            text.append(i).append(",S").append(i).append(",100.0,1.0,100.5,1.0\n");
        }
        final Path path = SampleFiles.text(dir, "quotes.csv", text.toString());

        final MarketDataFile file = MarketDataFile.open(path, null, null, false, err.stream);

        assertEquals(SymbolTable.CAPACITY, file.symbolCount());
        assertEquals(1, file.rejected(RejectReason.BAD_SYMBOL));
        assertArrayEquals(new String[] {
            path + ":" + (SymbolTable.CAPACITY + 2) + ": skipped row (badSymbol): symbol 'S4096' (more than 4096 " +
                "distinct symbols)" }, err.lines());
        final List<String> rows = SampleFiles.replay(file);
        assertEquals((SymbolTable.CAPACITY + 2) + ": R badSymbol", rows.get(rows.size() - 1));
    }
}
