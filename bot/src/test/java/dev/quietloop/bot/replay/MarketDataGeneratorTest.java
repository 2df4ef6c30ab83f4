package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.testing.PrintCapture;
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
    void shouldWriteQuotesThatReplayWithoutRejects() throws IOException
    {
        generate("q.csv", "--ticks", "3000", "--seed", "7", "--symbols", "BTCUSDT,ETHUSDT,SOL-USD");

        final MarketDataFile file =
            MarketDataFile.open(dir.resolve("q.csv"), null, null, true, new PrintCapture().stream);

        assertEquals(MarketDataFormat.QUIETLOOP, file.format());
        assertEquals(3000, file.accepted());
        assertEquals(0, file.rejected());
        assertEquals(3, file.symbolCount());
        try (MarketDataReader reader = file.reader())
        {
            long previousNs = 0;
            int quotes = 0;
            while (reader.next() == MarketDataReader.QUOTE)
            {
                assertTrue(reader.quote().timestampNs() > previousNs);
                assertTrue(reader.quote().bidPrice() < reader.quote().askPrice());
                previousNs = reader.quote().timestampNs();
                quotes++;
            }
            assertEquals(3000, quotes);
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
        assertEquals(MarketDataGenerator.HEADER,
            new String(bytes, 0, MarketDataGenerator.HEADER.length(), StandardCharsets.US_ASCII));
        return bytes;
    }
}
