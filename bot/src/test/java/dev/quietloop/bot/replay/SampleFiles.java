package dev.quietloop.bot.replay;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Trade;

/** Market data files for the replay tests: hand-written lines, or generated rows of any format. */
final class SampleFiles
{
    private static final String[] SYMBOLS = { "BTCUSDT", "ETHUSDT", "SOLUSDT" };

    private SampleFiles()
    {
    }

    /** A file of the given lines, each ended by {@code \n}. */
    static Path lines(final Path dir, final String name, final String... lines) throws IOException
    {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
    }

    /** A file of exactly the given text. */
    static Path text(final Path dir, final String name, final String text) throws IOException
    {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.ISO_8859_1);
    }

    /** The gzip of a file, next to it, named {@code name}. */
    static Path gzip(final Path plain, final String name) throws IOException
    {
        final Path target = plain.resolveSibling(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target)))
        {
            Files.copy(plain, out);
        }
        return target;
    }

    /** A file of {@code rows} realistic rows of the format (its header where it has one), all valid. */
    static Path generated(final Path dir, final MarketDataFormat format, final int rows, final boolean gzip)
        throws IOException
    {
        final String name = "BTCUSDT-" + format.cliName() + "-" + rows + (gzip ? ".csv.gz" : ".csv");
        final Path file = dir.resolve(name);
        MarketDataGenerator.write(format, rows, 42, SYMBOLS, file);
        return file;
    }

    /** Every row a new reader of the file returns, as text: {@code 2: Q BTCUSDT ...}, {@code 3: R notANumber}. */
    static List<String> replay(final MarketDataFile file)
    {
        final List<String> rows = new ArrayList<>();
        try (MarketDataReader reader = file.reader())
        {
            int result;
            while ((result = reader.next()) != MarketDataReader.END)
            {
                rows.add(reader.lineNumber() + ": " + describe(file, reader, result));
            }
        }
        return rows;
    }

    static String describe(final MarketDataFile file, final MarketDataReader reader, final int result)
    {
        if (result == MarketDataReader.QUOTE)
        {
            final Quote q = reader.quote();
            return "Q " + file.symbol(q.symbolId()) + " " + q.timestampNs() + " " + q.bidSize() + "@" + q.bidPrice() +
                " " + q.askSize() + "@" + q.askPrice();
        }
        if (result == MarketDataReader.TRADE)
        {
            final Trade t = reader.trade();
            return "T " + file.symbol(t.symbolId()) + " " + t.timestampNs() + " " + t.quantity() + "@" + t.price() +
                " " + t.aggressorSide();
        }
        return "R " + reader.rejectReason().key();
    }
}
