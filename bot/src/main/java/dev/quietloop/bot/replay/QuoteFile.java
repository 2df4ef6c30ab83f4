package dev.quietloop.bot.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.quietloop.protocol.config.ConfigException;

/**
 * Loads a quietloop quote CSV whole, at start-up, into {@link Quotes}. A file that is not a quote
 * CSV at all is bad input ({@link ConfigException}); a malformed row is skipped, counted, and the
 * first few are reported with their line numbers.
 */
public final class QuoteFile
{
    public static final int MAX_LINE_BYTES = 1024;
    /** Malformed rows printed at load; the rest are only counted. */
    public static final int REPORTED_REJECTS = 5;

    private static final int SHOWN_LINE_CHARS = 60;

    private QuoteFile()
    {
    }

    /** @throws ConfigException naming the path when it is missing, a directory or unreadable. */
    public static void checkReadable(final Path path)
    {
        if (!Files.exists(path))
        {
            throw new ConfigException(path + ": no such file");
        }
        if (Files.isDirectory(path))
        {
            throw new ConfigException(path + ": is a directory, not a quote file");
        }
        if (!Files.isReadable(path))
        {
            throw new ConfigException(path + ": not readable");
        }
    }

    /**
     * Reads and parses the whole file; malformed rows are reported on {@code err}.
     *
     * @throws ConfigException naming the path when it cannot be read or is not a quote CSV.
     */
    public static Quotes load(final Path path, final PrintStream err)
    {
        checkReadable(path);
        try
        {
            final long lines = countLines(path);
            if (lines - 1 > Integer.MAX_VALUE - 8)
            {
                throw new ConfigException(path + ": too many rows (" + (lines - 1) + ")");
            }
            return parse(path, (int)Math.max(0, lines - 1), err);
        }
        catch (final IOException ex)
        {
            throw new ConfigException(path + ": cannot read: " + ex.getMessage(), ex);
        }
    }

    private static long countLines(final Path path) throws IOException
    {
        try (InputStream in = Files.newInputStream(path))
        {
            final LineReader reader = new LineReader(in, MAX_LINE_BYTES);
            checkHeader(path, reader);
            while (reader.next())
            {
                // counting only
            }
            return reader.lineNumber();
        }
    }

    private static void checkHeader(final Path path, final LineReader reader) throws IOException
    {
        if (!reader.next())
        {
            throw new ConfigException(path + ": empty file, not a quietloop quote CSV (expected the header '" +
                QuoteParser.HEADER + "')");
        }
        final byte[] line = reader.line();
        final int length = reader.length();
        for (int i = 0; i < length; i++)
        {
            if ((line[i] < 0x20 && line[i] != '\t') || line[i] == 0x7F)
            {
                throw new ConfigException(path + ": not a quietloop quote CSV (binary data)");
            }
        }
        final String first = new String(line, 0, length, StandardCharsets.ISO_8859_1);
        if (reader.isTooLong() || !QuoteParser.HEADER.equals(first))
        {
            final String shown = first.length() > SHOWN_LINE_CHARS ?
                first.substring(0, SHOWN_LINE_CHARS) + "..." : first;
            throw new ConfigException(path + ": not a quietloop quote CSV (first line: '" + shown + "')");
        }
    }

    private static Quotes parse(final Path path, final int capacity, final PrintStream err) throws IOException
    {
        final long[] timestampNs = new long[capacity];
        final int[] symbolId = new int[capacity];
        final long[] bidPrice = new long[capacity];
        final long[] bidSize = new long[capacity];
        final long[] askPrice = new long[capacity];
        final long[] askSize = new long[capacity];
        final Map<String, Integer> idBySymbol = new HashMap<>();
        final List<String> symbols = new ArrayList<>();
        final QuoteParser parser = new QuoteParser();
        int count = 0;
        long rejected = 0;

        try (InputStream in = Files.newInputStream(path))
        {
            final LineReader reader = new LineReader(in, MAX_LINE_BYTES);
            checkHeader(path, reader);
            while (reader.next() && count < capacity)
            {
                if (reader.length() == 0)
                {
                    continue;
                }
                final String error = reader.isTooLong() ?
                    "line longer than " + MAX_LINE_BYTES + " bytes" : parser.parse(reader.line(), 0, reader.length());
                if (error != null)
                {
                    if (++rejected <= REPORTED_REJECTS)
                    {
                        err.println(path + ":" + reader.lineNumber() + ": skipped row: " + error);
                    }
                    continue;
                }
                final String symbol = parser.symbol(reader.line());
                Integer id = idBySymbol.get(symbol);
                if (id == null)
                {
                    id = symbols.size();
                    idBySymbol.put(symbol, id);
                    symbols.add(symbol);
                }
                timestampNs[count] = parser.timestampNs;
                symbolId[count] = id;
                bidPrice[count] = parser.bidPrice;
                bidSize[count] = parser.bidSize;
                askPrice[count] = parser.askPrice;
                askSize[count] = parser.askSize;
                count++;
            }
        }
        if (rejected > REPORTED_REJECTS)
        {
            err.println(path + ": " + rejected + " malformed rows skipped (the first " + REPORTED_REJECTS + " shown)");
        }
        err.flush();
        return new Quotes(timestampNs, symbolId, bidPrice, bidSize, askPrice, askSize, count,
            symbols.toArray(new String[0]), rejected);
    }
}
