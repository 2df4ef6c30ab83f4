package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.quietloop.bot.QuoteFixtures;
import dev.quietloop.protocol.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuoteFileTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void shouldLoadValidRowsIntoColumnsWithInternedSymbols() throws IOException
    {
        final Path file = QuoteFixtures.withRows(dir,
            "10,BTCUSDT,30000.98,4.6919,30001.01,0.5520",
            "20,ETHUSDT,1999.92,0.5277,1999.95,2.2293",
            "30,BTCUSDT,30001.00,1,30001.02,2");

        final Quotes quotes = QuoteFile.load(file, err);

        assertEquals(3, quotes.count());
        assertEquals(0, quotes.rejected());
        assertEquals(2, quotes.symbolCount());
        assertEquals("BTCUSDT", quotes.symbol(quotes.symbolId[0]));
        assertEquals("ETHUSDT", quotes.symbol(quotes.symbolId[1]));
        assertEquals(quotes.symbolId[0], quotes.symbolId[2]);
        assertEquals(30, quotes.timestampNs[2]);
        assertEquals(3_000_098_000_000L, quotes.bidPrice[0]);
        assertEquals(52_770_000L, quotes.bidSize[1]);
        assertEquals(3_000_102_000_000L, quotes.askPrice[2]);
        assertEquals(200_000_000L, quotes.askSize[2]);
        assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldSkipAndCountEachMalformedRowWithItsLineNumber() throws IOException
    {
        final Path file = QuoteFixtures.withRows(dir,
            "10,BTCUSDT,100.0,1.0,100.5,1.0",
            "11,BTCUSDT,100.0,1.0,100.5",
            "12,BTCUSDT,abc,1.0,100.5,1.0",
            "13,BTCUSDT,100.0,-1.0,100.5,1.0",
            "14,BTCUSDT,100.0,0,100.5,1.0",
            "15,BTCUSDT,100.6,1.0,100.5,1.0",
            "16,BTCUSDT,100.1,1.0,100.5,1.0",
            "",
            "17,BTCUSDT,1.123456789,1.0,100.5,1.0",
            "18,ETHUSDT,10.0,1.0,10.5,1.0\r");

        final Quotes quotes = QuoteFile.load(file, err);

        assertEquals(3, quotes.count(), "rows 10, 16 and 18");
        assertEquals(6, quotes.rejected());
        assertEquals(18, quotes.timestampNs[2]);
        final String[] lines = errBytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(QuoteFile.REPORTED_REJECTS + 1, lines.length);
        assertTrue(lines[0].startsWith(file + ":3: skipped row: expected 6 fields"), lines[0]);
        assertTrue(lines[1].startsWith(file + ":4: "), lines[1]);
        assertTrue(lines[4].startsWith(file + ":7: "), lines[4]);
        assertTrue(lines[5].contains("6 malformed rows skipped"), lines[5]);
    }

    @Test
    void shouldRejectFileWhoseFirstLineIsNotTheHeader() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("other.csv"),
            "date,open,high,low,close,volume,adjusted_close,dividends,splits,more,columns\n1,2,3\n");

        final ConfigException ex = assertThrows(ConfigException.class, () -> QuoteFile.load(file, err));

        assertTrue(ex.getMessage().startsWith(file + ": not a quietloop quote CSV (first line: 'date,open"),
            ex.getMessage());
        assertTrue(ex.getMessage().endsWith("...')"), "the shown line is cut: " + ex.getMessage());
    }

    @Test
    void shouldRejectEmptyFile() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("empty.csv"), "");

        final ConfigException ex = assertThrows(ConfigException.class, () -> QuoteFile.load(file, err));

        assertTrue(ex.getMessage().startsWith(file + ": empty file"), ex.getMessage());
    }

    @Test
    void shouldRejectBinaryFile() throws IOException
    {
        final Path file = Files.write(dir.resolve("data.bin"), new byte[] { 0x1F, (byte)0x8B, 8, 0, 0, 0, 'x', '\n' });

        final ConfigException ex = assertThrows(ConfigException.class, () -> QuoteFile.load(file, err));

        assertEquals(file + ": not a quietloop quote CSV (binary data)", ex.getMessage());
    }

    @Test
    void shouldNameMissingFile()
    {
        final Path file = dir.resolve("missing.csv");

        final ConfigException ex = assertThrows(ConfigException.class, () -> QuoteFile.load(file, err));

        assertEquals(file + ": no such file", ex.getMessage());
    }

    @Test
    void shouldLoadHeaderOnlyFileAsNoTicks() throws IOException
    {
        final Quotes quotes = QuoteFile.load(QuoteFixtures.withRows(dir), err);

        assertEquals(0, quotes.count());
        assertEquals(0, quotes.symbolCount());
    }
}
