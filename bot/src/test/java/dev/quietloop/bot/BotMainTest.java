package dev.quietloop.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.quietloop.protocol.process.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotMainTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr()
    {
        originalErr = System.err;
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr()
    {
        System.setErr(originalErr);
    }

    @Test
    void shouldExitWithUsageNamingMissingDataFile()
    {
        final Path missing = dir.resolve("nope.csv");

        assertEquals(ExitCodes.USAGE, BotMain.run("--data", missing.toString()));

        assertOneLine("bot: " + missing + ": no such file");
    }

    @Test
    void shouldExitWithUsageNamingFileThatIsNotQuotes() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("prices.csv"), "time,price\n1,2\n");

        assertEquals(ExitCodes.USAGE, BotMain.run("--data", file.toString()));

        assertTrue(oneLine().startsWith("bot: " + file + ": unknown market data format (first line: 'time,price')"),
            oneLine());
    }

    @Test
    void shouldExitWithUsageListingKnownFormats() throws IOException
    {
        final Path file = QuoteFixtures.withRows(dir, "1,BTCUSDT,1,1,2,1");

        assertEquals(ExitCodes.USAGE, BotMain.run("--data", file.toString(), "--format", "parquet"));

        assertTrue(oneLine().contains("tardis-trades"), oneLine());
    }

    @Test
    void shouldExitWithUsageWhenSpeedAndRateAreBothGiven() throws IOException
    {
        final Path file = QuoteFixtures.withRows(dir, "1,BTCUSDT,1,1,2,1");

        assertEquals(ExitCodes.USAGE, BotMain.run("--data", file.toString(), "--speed", "2", "--rate", "1000"));

        assertTrue(oneLine().startsWith("bot: --speed and --rate exclude each other"), oneLine());
    }

    @Test
    void shouldExitWithUsageForSpeedThatIsNotPositive() throws IOException
    {
        final Path file = QuoteFixtures.withRows(dir, "1,BTCUSDT,1,1,2,1");

        assertEquals(ExitCodes.USAGE, BotMain.run("--data", file.toString(), "--speed", "0"));

        assertTrue(oneLine().startsWith("bot: --speed must be 'max' or a positive number"), oneLine());
    }

    @Test
    void shouldExitWithUsageNamingTheLineOfTheFirstBadRowWhenStrict() throws IOException
    {
        final Path file = QuoteFixtures.withRows(dir,
            "1000,BTCUSDT,100.0,1.0,100.5,2.0",
            "2000,BTCUSDT,101.0,1.0,100.5,2.0");

        assertEquals(ExitCodes.USAGE, BotMain.run("--data", file.toString(), "--strict"));

        assertTrue(oneLine().startsWith("bot: " + file + ":3: crossedBook"), oneLine());
    }

    @Test
    void shouldExitWithUsageNamingUnknownFlag() throws IOException
    {
        final Path file = QuoteFixtures.withRows(dir);

        assertEquals(ExitCodes.USAGE, BotMain.run("--data", file.toString(), "--turbo"));

        assertTrue(oneLine().contains("--turbo"), oneLine());
    }

    @Test
    void shouldExitWithUsageListingKnownStrategies() throws IOException
    {
        final Path file = QuoteFixtures.withRows(dir);

        assertEquals(ExitCodes.USAGE, BotMain.run("--data", file.toString(), "--strategy", "momentum"));

        assertOneLine("bot: unknown strategy 'momentum' (known: imbalance, ma-crossover, tick-signal; a plugin's jar goes on --strategy-path)");
    }

    @Test
    void shouldListEveryKnownStrategyWithItsParametersAndNeedNoData()
    {
        final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        final PrintStream originalOut = System.out;
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        final int exitCode;
        try
        {
            exitCode = BotMain.run("--list-strategies");
        }
        finally
        {
            System.setOut(originalOut);
        }

        assertEquals(ExitCodes.OK, exitCode, errBytes.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(
            "imbalance entry-ppm=600000 exit-ppm=200000 max-spread-ppm=10 lot=0.01 position-cap=0.02",
            "ma-crossover fast-shift=3 slow-shift=5 lot=0.01",
            "tick-signal"), outBytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void shouldExitWithUsageNamingTheDataFileWhenNoneIsGiven()
    {
        assertEquals(ExitCodes.USAGE, BotMain.run("--strategy", "tick-signal"));

        assertTrue(oneLine().startsWith("bot: --data FILE"), oneLine());
    }

    @Test
    void shouldExitWithUsageForRingSizeNotAPowerOfTwo() throws IOException
    {
        final Path file = QuoteFixtures.withRows(dir);

        assertEquals(ExitCodes.USAGE, BotMain.run("--data", file.toString(), "--ring-size", "1000"));

        assertTrue(oneLine().startsWith("bot: --ring-size must be a power of two"), oneLine());
    }

    @Test
    void shouldExitWithUsageNamingATradingCpuThatIsNotOnline() throws IOException
    {
        final Path file = QuoteFixtures.withRows(dir);

        assertEquals(ExitCodes.USAGE, BotMain.run("--data", file.toString(), "--trading-cpu", "4096"));

        assertTrue(oneLine().startsWith("bot: --trading-cpu 4096: CPU 4096 is not online (online: 0"), oneLine());
    }

    @Test
    void shouldExitWithUsageForBadBrokerEndpoint() throws IOException
    {
        final Path file = QuoteFixtures.withRows(dir);

        assertEquals(ExitCodes.USAGE, BotMain.run("--data", file.toString(), "--broker", "udp://1.2.3.4:5"));

        assertTrue(oneLine().startsWith("bot: --broker: unsupported transport 'udp'"), oneLine());
    }

    private void assertOneLine(final String expected)
    {
        assertEquals(expected, oneLine());
    }

    private String oneLine()
    {
        final String text = errBytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), "one line: " + text);
        return text.strip();
    }
}
