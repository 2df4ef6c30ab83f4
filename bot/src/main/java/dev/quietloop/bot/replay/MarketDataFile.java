package dev.quietloop.bot.replay;

import java.io.File;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.quietloop.wire.ConfigException;

/**
 * A market data file checked and scanned once at start-up: its format, its symbols interned to
 * ids, its rows counted and the bad ones reported. The trading thread then replays it through a
 * {@link #reader()}, which parses the same bytes again rather than holding the file in memory.
 */
public final class MarketDataFile
{
    /** Skipped rows printed at start-up; the rest are only counted. */
    public static final int REPORTED_REJECTS = 5;

    private final Path path;
    private final MarketDataFormat format;
    private final boolean compressed;
    private final long headerLine;
    private final int windowBytes;
    private final SymbolTable symbols = new SymbolTable();
    private final long[] rejectedByReason = new long[RejectReason.values().length];
    private int fixedSymbolId = -1;
    private long rows;
    private long accepted;
    private long rejected;
    private long firstTimestampNs;

    private MarketDataFile(
        final Path path, final MarketDataFormat format, final boolean compressed, final long headerLine,
        final int windowBytes)
    {
        this.path = path;
        this.format = format;
        this.compressed = compressed;
        this.headerLine = headerLine;
        this.windowBytes = windowBytes;
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
            throw new ConfigException(path + ": is a directory, not a market data file");
        }
        if (!Files.isReadable(path))
        {
            throw new ConfigException(path + ": not readable");
        }
    }

    /**
     * Opens and scans the whole file on the calling thread: detects gzip and the format, interns the
     * symbols, counts the rows and prints the first {@link #REPORTED_REJECTS} skipped rows on
     * {@code err} as {@code PATH:LINE: skipped row (reasonKey): detail}.
     *
     * @param formatOrNull a {@link MarketDataFormat#cliName()} that overrides detection, or null.
     * @param symbolOrNull the symbol of a Binance file, or null to take it from the file name.
     * @param strict       true to refuse the file at its first bad row.
     * @throws ConfigException in one line naming the path when the file cannot be replayed.
     */
    public static MarketDataFile open(
        final Path path, final String formatOrNull, final String symbolOrNull, final boolean strict,
        final PrintStream err)
    {
        return open(path, formatOrNull, symbolOrNull, strict, err, MappedLineSource.DEFAULT_WINDOW_BYTES);
    }

    /** @param windowBytes the most bytes of a plain file mapped at once. */
    static MarketDataFile open(
        final Path path, final String formatOrNull, final String symbolOrNull, final boolean strict,
        final PrintStream err, final int windowBytes)
    {
        checkReadable(path);
        final FileHead head = FileHead.read(path);
        final MarketDataFormat format = formatOrNull != null ?
            MarketDataFormat.byName(formatOrNull) : FormatDetector.require(path, head.firstLine);
        final long headerLine = head.firstLine.equals(format.header()) ? head.firstLineNumber : 0;
        final MarketDataFile file = new MarketDataFile(path, format, head.compressed, headerLine, windowBytes);
        final String symbol = FileSymbol.resolve(path, format, symbolOrNull);
        if (symbol != null)
        {
            file.fixedSymbolId = file.symbols.intern(symbol);
        }
        file.scan(strict, err);
        return file;
    }

    public Path path()
    {
        return path;
    }

    public MarketDataFormat format()
    {
        return format;
    }

    /** Whether the file is gzip data. */
    public boolean compressed()
    {
        return compressed;
    }

    /** Data rows: every line but the header and empty lines. */
    public long rows()
    {
        return rows;
    }

    public long accepted()
    {
        return accepted;
    }

    public long rejected()
    {
        return rejected;
    }

    public long rejected(final RejectReason reason)
    {
        return rejectedByReason[reason.ordinal()];
    }

    /** Symbols have the ids {@code 0..symbolCount()-1}, in order of first appearance. */
    public int symbolCount()
    {
        return symbols.count();
    }

    public String symbol(final int symbolId)
    {
        return symbols.name(symbolId);
    }

    /** The timestamp of the first accepted row, epoch nanoseconds. */
    public long firstTimestampNs()
    {
        return firstTimestampNs;
    }

    /** A new reader at the first data row, for the trading thread; close it when done. */
    public MarketDataReader reader()
    {
        return newReader(false);
    }

    private MarketDataReader newReader(final boolean intern)
    {
        final File file = path.toFile();
        try
        {
            final LineSource source = compressed ? new GzipLineSource(file) : new MappedLineSource(file, windowBytes);
            return new MarketDataReader(source, format, symbols, intern, fixedSymbolId, headerLine);
        }
        catch (final UncheckedIOException ex)
        {
            throw unreadable(ex);
        }
    }

    private void scan(final boolean strict, final PrintStream err)
    {
        try (MarketDataReader reader = newReader(true))
        {
            int result;
            while ((result = reader.next()) != MarketDataReader.END)
            {
                rows++;
                if (result == MarketDataReader.REJECTED)
                {
                    reject(reader, strict, err);
                }
                else if (accepted++ == 0)
                {
                    firstTimestampNs = result == MarketDataReader.QUOTE ?
                        reader.quote().timestampNs() : reader.trade().timestampNs();
                }
            }
        }
        catch (final UncheckedIOException ex)
        {
            throw unreadable(ex);
        }
        if (rejected > REPORTED_REJECTS)
        {
            err.println(path + ": " + rejected + " malformed rows skipped (the first " + REPORTED_REJECTS + " shown)");
        }
        err.flush();
        if (rows == 0)
        {
            throw new ConfigException(path + ": a header but no data rows");
        }
        if (accepted == 0)
        {
            throw new ConfigException(path + ": no valid row among " + rows + " (" + rejectedSummary() + ")");
        }
    }

    private void reject(final MarketDataReader reader, final boolean strict, final PrintStream err)
    {
        final RejectReason reason = reader.rejectReason();
        rejected++;
        rejectedByReason[reason.ordinal()]++;
        if (strict)
        {
            throw new ConfigException(path + ":" + reader.lineNumber() + ": " + reason.key() + ": " +
                RejectReport.detail(format, reader) + " (--strict)");
        }
        if (rejected <= REPORTED_REJECTS)
        {
            err.println(path + ":" + reader.lineNumber() + ": skipped row (" + reason.key() + "): " +
                RejectReport.detail(format, reader));
        }
    }

    private String rejectedSummary()
    {
        final StringBuilder summary = new StringBuilder();
        for (final RejectReason reason : RejectReason.values())
        {
            if (rejected(reason) > 0)
            {
                summary.append(summary.length() == 0 ? "" : ", ").append(reason.key()).append(' ')
                    .append(rejected(reason));
            }
        }
        return summary.toString();
    }

    private ConfigException unreadable(final UncheckedIOException ex)
    {
        final String cause = ex.getCause().getMessage();
        return new ConfigException(path + (compressed ? ": corrupt gzip data (" : ": cannot read (") + cause + ")", ex);
    }
}
