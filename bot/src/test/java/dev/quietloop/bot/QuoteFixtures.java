package dev.quietloop.bot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.quietloop.bot.replay.MarketDataFormat;
import dev.quietloop.bot.replay.MarketDataGenerator;

/** Quote files for tests: hand-written rows, or generated ones. */
public final class QuoteFixtures
{
    private QuoteFixtures()
    {
    }

    /** A quote CSV with the header and the given rows. */
    public static Path withRows(final Path dir, final String... rows) throws IOException
    {
        final StringBuilder text = new StringBuilder(MarketDataGenerator.HEADER).append('\n');
        for (final String row : rows)
        {
            text.append(row).append('\n');
        }
        return Files.writeString(dir.resolve("quotes.csv"), text, StandardCharsets.US_ASCII);
    }

    public static Path generated(final Path dir, final long ticks, final long seed) throws IOException
    {
        final Path file = dir.resolve("generated-" + ticks + "-" + seed + ".csv");
        MarketDataGenerator.write(
            MarketDataFormat.QUIETLOOP, ticks, seed, MarketDataGenerator.DEFAULT_SYMBOLS.split(","), file);
        return file;
    }
}
