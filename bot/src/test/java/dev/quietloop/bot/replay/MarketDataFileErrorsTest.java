package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.quietloop.protocol.testing.PrintCapture;
import dev.quietloop.wire.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketDataFileErrorsTest
{
    private static final String HEADER = "timestamp_ns,symbol,bid_price,bid_size,ask_price,ask_size";

    @TempDir
    Path dir;

    private final PrintCapture err = new PrintCapture();

    @Test
    void shouldNameMissingFile()
    {
        final Path path = dir.resolve("missing.csv");

        assertEquals(path + ": no such file", refusal(path));
    }

    @Test
    void shouldRefuseDirectory()
    {
        assertEquals(dir + ": is a directory, not a market data file", refusal(dir));
    }

    @Test
    void shouldRefuseEmptyFile() throws IOException
    {
        final Path path = SampleFiles.text(dir, "empty.csv", "");

        assertEquals(path + ": empty file", refusal(path));
    }

    @Test
    void shouldRefuseFileOfEmptyLines() throws IOException
    {
        final Path path = SampleFiles.text(dir, "blank.csv", "\n\r\n\n");

        assertEquals(path + ": empty file (only empty lines)", refusal(path));
    }

    @Test
    void shouldRefuseBinaryData() throws IOException
    {
        final Path path = Files.write(dir.resolve("data.csv"), new byte[] { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, '\n' });

        assertEquals(path + ": binary data, not a market data CSV (byte 0x03 at offset 2)", refusal(path));
    }

    @Test
    void shouldRefuseUnknownHeaderShowingItCutAndTheKnownFormats() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "other.csv",
            "date,open,high,low,close,volume,adjusted_close,dividends,splits,more,columns", "1,2,3");

        final String message = refusal(path);

        assertEquals(path + ": unknown market data format (first line: " +
            "'date,open,high,low,close,volume,adjusted_close,dividends,spl...'); known formats: quietloop, " +
            "binance-bookticker, binance-aggtrades, tardis-quotes, tardis-trades; --format NAME overrides", message);
    }

    @Test
    void shouldRefuseFileNamedGzThatIsNotGzip() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "quotes.csv.gz", HEADER, "10,BTCUSDT,100.0,1.0,100.5,1.0");

        assertEquals(path + ": not gzip data, though the name ends in .gz", refusal(path));
    }

    @Test
    void shouldRefuseCorruptGzipStream() throws IOException
    {
        final Path plain = SampleFiles.generated(dir, MarketDataFormat.QUIETLOOP, 20_000, false);
        final Path gzip = SampleFiles.gzip(plain, "quotes.csv.gz");
        final byte[] bytes = Files.readAllBytes(gzip);
        final Path truncated = Files.write(dir.resolve("truncated.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        final String message = refusal(truncated);

        assertTrue(message.startsWith(truncated + ": corrupt gzip data ("), message);
    }

    @Test
    void shouldRefuseHeaderWithoutDataRows() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "quotes.csv", HEADER, "", "");

        assertEquals(path + ": a header but no data rows", refusal(path));
    }

    @Test
    void shouldRefuseFileWithoutOneValidRowNamingTheReasons() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "quotes.csv", HEADER,
            "10,BTCUSDT,abc,1.0,100.5,1.0", "11,BTCUSDT,100.0,1.0", "12,BTCUSDT,100.0,1.0,x,1.0");

        assertEquals(path + ": no valid row among 3 (fieldCount 1, notANumber 2)", refusal(path));
    }

    @Test
    void shouldRefuseUnknownFormatName() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "quotes.csv", HEADER, "10,BTCUSDT,100.0,1.0,100.5,1.0");

        final ConfigException ex = assertThrows(ConfigException.class,
            () -> MarketDataFile.open(path, "csv", null, false, err.stream));

        assertEquals("--format: unknown format 'csv' (known: " + MarketDataFormat.names() + ")", ex.getMessage());
    }

    @Test
    void shouldRefuseWholeFileAtFirstBadRowWhenStrict() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "quotes.csv", HEADER,
            "10,BTCUSDT,100.0,1.0,100.5,1.0", "11,BTCUSDT,abc,1.0,100.5,1.0", "12,BTCUSDT,100.0,1.0");

        final ConfigException ex = assertThrows(ConfigException.class,
            () -> MarketDataFile.open(path, null, null, true, err.stream));

        assertEquals(path + ":3: notANumber: bid_price 'abc' (--strict)", ex.getMessage());
        assertEquals("", err.text());
    }

    @Test
    void shouldKeepEachRefusalToOneLine() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "other.csv", "a,b\u0001c");

        assertFalse(refusal(path).contains("\n"));
    }

    private String refusal(final Path path)
    {
        return assertThrows(ConfigException.class, () -> MarketDataFile.open(path, null, null, false, err.stream))
            .getMessage();
    }
}
