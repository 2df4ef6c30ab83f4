package dev.quietloop.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.quietloop.bot.replay.MarketDataFile;
import dev.quietloop.bot.replay.MarketDataFormat;
import dev.quietloop.bot.replay.MarketDataGenerator;
import dev.quietloop.bot.replay.MarketDataReader;
import dev.quietloop.protocol.process.ExitCodes;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The generator writes every format the replay reads: each file is detected as its format and read back whole. */
class GeneratedMarketDataTest
{
    private static final int TICKS = 5_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(MarketDataFormat.class)
    void shouldReadBackEveryGeneratedRowDetectedAsItsFormat(final MarketDataFormat format) throws IOException
    {
        final Path file = dir.resolve("BTCUSDT-" + format.cliName() + ".csv.gz");

        assertEquals(ExitCodes.OK, MarketDataGenerator.run("--format", format.cliName(), "--ticks", "" + TICKS,
            "--seed", "3", "--out", file.toString()));

        final ByteArrayOutputStream report = new ByteArrayOutputStream();
        final MarketDataFile data = MarketDataFile.open(file, null, null, true, new PrintStream(report));
        assertEquals(format, data.format());
        assertTrue(data.compressed());
        assertEquals(TICKS, data.rows());
        assertEquals(TICKS, data.accepted());
        assertEquals(0, data.rejected());
        // Binance files carry no symbol: one, from the file name; the others hold both generated symbols.
        final boolean binance = format.cliName().startsWith("binance");
        assertEquals(binance ? 1 : 2, data.symbolCount());
        assertTrue(data.symbol(0).equals("BTCUSDT") || data.symbol(1).equals("BTCUSDT"));
        long read = 0;
        try (MarketDataReader reader = data.reader())
        {
            while (reader.next() != MarketDataReader.END)
            {
                read++;
            }
        }
        assertEquals(TICKS, read);
    }

    @ParameterizedTest
    @EnumSource(MarketDataFormat.class)
    void shouldWriteTheSameBytesForTheSameSeed(final MarketDataFormat format) throws IOException
    {
        final Path a = dir.resolve("a.csv");
        final Path b = dir.resolve("b.csv");
        MarketDataGenerator.run("--format", format.cliName(), "--ticks", "500", "--seed", "9", "--out", a.toString());
        MarketDataGenerator.run("--format", format.cliName(), "--ticks", "500", "--seed", "9", "--out", b.toString());

        assertEquals(-1L, Files.mismatch(a, b));
    }
}
