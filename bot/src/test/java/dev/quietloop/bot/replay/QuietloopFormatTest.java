package dev.quietloop.bot.replay;

import static dev.quietloop.bot.replay.SampleFiles.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.quietloop.protocol.testing.PrintCapture;
import dev.quietloop.wire.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuietloopFormatTest
{
    private static final String HEADER = "timestamp_ns,symbol,bid_price,bid_size,ask_price,ask_size";

    @TempDir
    Path dir;

    private final PrintCapture err = new PrintCapture();

    @Test
    void shouldReadQuotesAsExactFixedPointWithSymbolsInOrderOfFirstAppearance() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "quotes.csv", HEADER,
            "1700000000000231130,BTCUSDT,30000.98,4.6919,30001.01,0.00000001",
            "1700000000000431130,ETHUSDT,1999.92,0.5277,1999.95,2.2293",
            "1700000000000631130,BTCUSDT,30001,1,30001.02,2");

        final MarketDataFile file = MarketDataFile.open(path, null, null, false, err.stream);

        assertEquals(MarketDataFormat.QUIETLOOP, file.format());
        assertFalse(file.compressed());
        assertEquals(3, file.rows());
        assertEquals(3, file.accepted());
        assertEquals(2, file.symbolCount());
        assertEquals("BTCUSDT", file.symbol(0));
        assertEquals("ETHUSDT", file.symbol(1));
        assertEquals(1_700_000_000_000_231_130L, file.firstTimestampNs());
        assertEquals(List.of(
            "2: Q BTCUSDT 1700000000000231130 469190000@3000098000000 1@3000101000000",
            "3: Q ETHUSDT 1700000000000431130 52770000@199992000000 222930000@199995000000",
            "4: Q BTCUSDT 1700000000000631130 100000000@3000100000000 200000000@3000102000000"), replay(file));
        assertEquals("", err.text());
    }

    @Test
    void shouldAcceptCrlfEmptyLinesAndLastLineWithoutNewline() throws IOException
    {
        final Path path = SampleFiles.text(dir, "quotes.csv", HEADER + "\r\n" +
            "10,BTCUSDT,100.0,1.0,100.5,1.0\r\n" +
            "\r\n" +
            "\n" +
            "20,BTCUSDT,100.1,1.0,100.5,1.0");

        final MarketDataFile file = MarketDataFile.open(path, null, null, true, err.stream);

        assertEquals(2, file.rows());
        assertEquals(List.of(
            "2: Q BTCUSDT 10 100000000@10000000000 100000000@10050000000",
            "5: Q BTCUSDT 20 100000000@10010000000 100000000@10050000000"), replay(file));
    }

    @Test
    void shouldReadGzipFileByItsMagicBytesWhateverItsName() throws IOException
    {
        final Path plain = SampleFiles.lines(dir, "quotes.csv", HEADER, "10,BTCUSDT,100.0,1.0,100.5,1.0");
        final Path gzip = SampleFiles.gzip(plain, "quotes.data");

        final MarketDataFile file = MarketDataFile.open(gzip, null, null, true, err.stream);

        assertTrue(file.compressed());
        assertEquals(replay(MarketDataFile.open(plain, null, null, true, err.stream)), replay(file));
    }

    @Test
    void shouldAcceptLockedBookWhereBidEqualsAsk() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "quotes.csv", HEADER, "10,BTCUSDT,100.5,1.0,100.5,1.0");

        final MarketDataFile file = MarketDataFile.open(path, null, null, true, err.stream);

        assertEquals(1, file.accepted());
    }

    @Test
    void shouldParseSignsAndExponentsAsPandasWritesThem() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "quotes.csv", HEADER, "10,BTCUSDT,+1.5e2,1e-05,2.5E+3,0.000010000000");

        final MarketDataFile file = MarketDataFile.open(path, null, null, true, err.stream);

        assertEquals(List.of("2: Q BTCUSDT 10 1000@15000000000 1000@250000000000"), replay(file));
    }

    @Test
    void shouldRefuseSymbolOptionBecauseRowsCarryTheirOwn() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "quotes.csv", HEADER, "10,BTCUSDT,100.0,1.0,100.5,1.0");

        final ConfigException ex = assertThrows(ConfigException.class,
            () -> MarketDataFile.open(path, null, "BTCUSDT", false, err.stream));

        assertEquals("--symbol: quietloop files carry their own symbols", ex.getMessage());
    }

    @Test
    void shouldReadFirstLineAsDataWhenFormatIsGivenAndTheHeaderIsMissing() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "quotes.csv", "10,BTCUSDT,100.0,1.0,100.5,1.0");

        final MarketDataFile file = MarketDataFile.open(path, "quietloop", null, true, err.stream);

        assertEquals(List.of("1: Q BTCUSDT 10 100000000@10000000000 100000000@10050000000"), replay(file));
    }
}
