package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.quietloop.protocol.process.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketDataGeneratorTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteSameBytesForSameSeed() throws IOException
    {
        final byte[] first = generate("a.csv", "--ticks", "2000", "--seed", "42");
        final byte[] second = generate("b.csv", "--ticks", "2000", "--seed", "42");

        assertArrayEquals(first, second);
    }

    @Test
    void shouldWriteDifferentBytesForDifferentSeed() throws IOException
    {
        final byte[] first = generate("a.csv", "--ticks", "2000", "--seed", "42");
        final byte[] second = generate("b.csv", "--ticks", "2000", "--seed", "43");

        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void shouldWriteQuotesThatLoadWithoutRejects() throws IOException
    {
        generate("q.csv", "--ticks", "3000", "--seed", "7", "--symbols", "BTCUSDT,ETHUSDT,SOL-USD");

        final Quotes quotes = QuoteFile.load(dir.resolve("q.csv"), new PrintStream(new ByteArrayOutputStream()));

        assertEquals(3000, quotes.count());
        assertEquals(0, quotes.rejected());
        assertEquals(3, quotes.symbolCount());
        for (int i = 1; i < quotes.count(); i++)
        {
            assertTrue(quotes.timestampNs[i] > quotes.timestampNs[i - 1]);
            assertTrue(quotes.bidPrice[i] < quotes.askPrice[i]);
        }
    }

    @Test
    void shouldRefuseBadSymbolWithUsageExit()
    {
        final int exitCode = MarketDataGenerator.run(
            "--ticks", "10", "--out", dir.resolve("x.csv").toString(), "--symbols", "BTC USDT");

        assertEquals(ExitCodes.USAGE, exitCode);
    }

    private byte[] generate(final String name, final String... args) throws IOException
    {
        final Path out = dir.resolve(name);
        final String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        assertEquals(ExitCodes.OK, MarketDataGenerator.run(all));
        final byte[] bytes = Files.readAllBytes(out);
        assertTrue(new String(bytes, 0, QuoteParser.HEADER.length(), StandardCharsets.US_ASCII)
            .equals(QuoteParser.HEADER));
        return bytes;
    }
}
