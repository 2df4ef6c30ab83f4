package dev.quietloop.bot.replay;

import static dev.quietloop.bot.replay.SampleFiles.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.quietloop.protocol.testing.PrintCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LineSourcesTest
{
    private static final String HEADER = "timestamp_ns,symbol,bid_price,bid_size,ask_price,ask_size";
    private static final String ROW = "10,BTCUSDT,100.0,1.0,100.5,1.";
    /** Just over the longest line, so nearly every window ends inside a line. */
    private static final int TINY_WINDOW_BYTES = LineSource.MAX_LINE_BYTES + 1000;

    @TempDir
    Path dir;

    private final PrintCapture err = new PrintCapture();

    @ParameterizedTest
    @EnumSource(MarketDataFormat.class)
    void shouldReplaySameRowsThroughTinyWindowsAsThroughOneMapAndGzip(final MarketDataFormat format) throws IOException
    {
        final Path plain = SampleFiles.generated(dir, format, 20_000, false);
        final Path gzip = SampleFiles.generated(dir, format, 20_000, true);

        final MarketDataFile whole = MarketDataFile.open(plain, null, null, true, err.stream);
        final MarketDataFile windowed = MarketDataFile.open(plain, null, null, true, err.stream, TINY_WINDOW_BYTES);
        final MarketDataFile inflated = MarketDataFile.open(gzip, null, null, true, err.stream);

        final List<String> rows = replay(whole);
        assertEquals(20_000, rows.size());
        assertEquals(rows, replay(windowed));
        assertEquals(rows, replay(inflated));
    }

    @Test
    void shouldAcceptLineOfMaxLengthAndRejectOneByteMore() throws IOException
    {
        final String longest = ROW + "0".repeat(LineSource.MAX_LINE_BYTES - ROW.length());
        final Path path = SampleFiles.lines(dir, "quotes.csv", HEADER, longest, longest + "0", longest + "\r");

        final MarketDataFile file = MarketDataFile.open(path, null, null, false, err.stream, TINY_WINDOW_BYTES);

        assertEquals(List.of(
            "2: Q BTCUSDT 10 100000000@10000000000 100000000@10050000000",
            "3: R lineTooLong",
            "4: Q BTCUSDT 10 100000000@10000000000 100000000@10050000000"), replay(file));
        assertEquals(List.of(path + ":3: skipped row (lineTooLong): longer than 4096 bytes"), List.of(err.lines()));
    }

    @Test
    void shouldSkipLineLongerThanWindowOrBufferAndGoOn() throws IOException
    {
        final String huge = "1".repeat(GzipLineSource.BUFFER_BYTES * 3 + 17);
        final Path plain = SampleFiles.lines(dir, "quotes.csv", HEADER, ROW, huge, ROW, huge, ROW, huge);
        final Path gzip = SampleFiles.gzip(plain, "quotes.csv.gz");
        final List<String> expected = List.of(
            "2: Q BTCUSDT 10 100000000@10000000000 100000000@10050000000",
            "3: R lineTooLong",
            "4: Q BTCUSDT 10 100000000@10000000000 100000000@10050000000",
            "5: R lineTooLong",
            "6: Q BTCUSDT 10 100000000@10000000000 100000000@10050000000",
            "7: R lineTooLong");

        assertEquals(expected, replay(MarketDataFile.open(plain, null, null, false, err.stream, TINY_WINDOW_BYTES)));
        assertEquals(expected, replay(MarketDataFile.open(plain, null, null, false, err.stream)));
        assertEquals(expected, replay(MarketDataFile.open(gzip, null, null, false, err.stream)));
    }

    @Test
    void shouldReadLastLineWithoutNewlineThroughEverySource() throws IOException
    {
        final Path plain = SampleFiles.text(dir, "quotes.csv", HEADER + "\n" + (ROW + "\n").repeat(500) + ROW + "5");
        final Path gzip = SampleFiles.gzip(plain, "quotes.csv.gz");

        final List<String> rows = replay(MarketDataFile.open(plain, null, null, true, err.stream, TINY_WINDOW_BYTES));

        assertEquals(501, rows.size());
        assertEquals("502: Q BTCUSDT 10 100000000@10000000000 150000000@10050000000", rows.get(500));
        assertEquals(rows, replay(MarketDataFile.open(gzip, null, null, true, err.stream)));
    }

    @Test
    void shouldReturnEndAfterCloseAndCloseTwice() throws IOException
    {
        final MarketDataFile file = MarketDataFile.open(
            SampleFiles.lines(dir, "quotes.csv", HEADER, ROW, ROW), null, null, true, err.stream);
        final MarketDataReader reader = file.reader();

        assertEquals(MarketDataReader.QUOTE, reader.next());
        reader.close();
        reader.close();
        assertEquals(MarketDataReader.END, reader.next());
    }
}
