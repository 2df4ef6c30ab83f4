package dev.quietloop.bot.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

import dev.quietloop.wire.ConfigException;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.process.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes market data for replay: per symbol a random walk of the mid price with a spread of one to
 * three cents and realistic sizes, timestamps a few hundred microseconds to two milliseconds apart,
 * in any of the {@link MarketDataFormat}s: quotes as quotes, and for the trade formats one trade per
 * step at the touch, the aggressor's side at random. A file name ending in {@code .gz} is written
 * gzip-compressed. The same arguments give the same rows on every run and every JVM ({@link Random}
 * is specified).
 */
@Command(name = "market-data-generator", mixinStandardHelpOptions = true,
    description = "Writes deterministic market data for replay, in any format the bot reads.")
public final class MarketDataGenerator implements Callable<Integer>
{
    public static final String DEFAULT_SYMBOLS = "BTCUSDT,ETHUSDT";
    /** The first line of a quietloop file: the {@link MarketDataFormat#QUIETLOOP} header. */
    public static final String HEADER = MarketDataFormat.QUIETLOOP.header();

    private static final long START_TIMESTAMP_NS = 1_700_000_000_000_000_000L;
    private static final long MIN_STEP_NS = 200_000;
    private static final int STEP_RANGE_NS = 1_800_000;
    /** Prices move in cents, sizes in ten-thousandths. */
    private static final int PRICE_DECIMALS = 2;
    private static final int SIZE_DECIMALS = 4;
    private static final int MAX_SIZE_UNITS = 50_000;
    private static final int MAX_SPREAD_CENTS = 3;
    /** Each step moves the mid by a normal variate of this many millionths of the price. */
    private static final double STEP_PPM = 30;
    private static final long MIN_MID_CENTS = 100;
    private static final long NANOS_PER_MILLI = 1_000_000;
    private static final long NANOS_PER_MICRO = 1_000;
    /** Tardis's local timestamp: when its collector received the message, a little after the exchange's. */
    private static final long TARDIS_RECEIVE_DELAY_US = 1_500;
    private static final String TARDIS_EXCHANGE = "binance-futures";
    private static final long FIRST_ID = 1_000_000_000L;

    @Option(names = "--ticks", required = true, paramLabel = "N", description = "rows to write")
    private long ticks;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE",
        description = "the file to write; gzip-compressed when its name ends in .gz")
    private Path out;

    @Option(names = "--format", paramLabel = "NAME", defaultValue = "quietloop",
        description = "the layout: quietloop, binance-bookticker, binance-aggtrades (spot, no header), " +
        "tardis-quotes, tardis-trades (default: ${DEFAULT-VALUE}); Binance files hold the first symbol only")
    private String format;

    @Option(names = "--symbols", paramLabel = "A,B", split = ",", defaultValue = DEFAULT_SYMBOLS,
        description = "symbols to quote (default: ${DEFAULT-VALUE})")
    private List<String> symbols;

    public static void main(final String... args)
    {
        System.exit(run(args));
    }

    public static int run(final String... args)
    {
        return Cli.run("market-data-generator", new MarketDataGenerator(), args);
    }

    @Override
    public Integer call() throws IOException
    {
        final MarketDataFormat layout = MarketDataFormat.byName(format);
        if (ticks < 0)
        {
            throw new ConfigException("--ticks must not be negative: " + ticks);
        }
        for (final String symbol : symbols)
        {
            if (!SymbolTable.isSymbol(symbol))
            {
                throw new ConfigException("--symbols: bad symbol '" + symbol + "' (" + SymbolTable.ALLOWED + ")");
            }
        }
        final Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent))
        {
            throw new ConfigException("--out " + out + ": no such directory " + parent);
        }
        write(layout, ticks, seed, symbols.toArray(new String[0]), out);
        return ExitCodes.OK;
    }

    /**
     * Writes {@code ticks} rows in {@code format} to the file {@code out}, gzip-compressed when its
     * name ends in {@code .gz}: the one writer of market data files, for the tool, the tests and the
     * benchmarks alike. A format whose rows carry no symbol gets the first symbol only, as its file
     * holds one.
     */
    public static void write(
        final MarketDataFormat format, final long ticks, final long seed, final String[] symbols, final Path out)
        throws IOException
    {
        final String[] quoted = format.carriesSymbol() ? symbols : new String[]{ symbols[0] };
        final OutputStream file = Files.newOutputStream(out);
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(
            out.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file,
            StandardCharsets.US_ASCII), 1 << 16))
        {
            generate(format, ticks, seed, quoted, writer);
        }
    }

    /** Writes the quietloop header and {@code ticks} rows. */
    public static void generate(final long ticks, final long seed, final String[] symbols, final Writer out)
        throws IOException
    {
        generate(MarketDataFormat.QUIETLOOP, ticks, seed, symbols, out);
    }

    /** Writes {@code ticks} rows in {@code format}, with its header if it has one. */
    public static void generate(
        final MarketDataFormat format, final long ticks, final long seed, final String[] symbols, final Writer out)
        throws IOException
    {
        final Random random = new Random(seed);
        final long[] midCents = new long[symbols.length];
        for (int i = 0; i < symbols.length; i++)
        {
            midCents[i] = startCents(symbols[i], i);
        }
        final BufferedWriter writer = out instanceof BufferedWriter ? (BufferedWriter)out : new BufferedWriter(out);
        final StringBuilder row = new StringBuilder(128);
        if (format != MarketDataFormat.BINANCE_AGGTRADES)
        {
            // Binance spot aggTrades files have no header; the others do.
            writer.write(format.header());
            writer.write('\n');
        }
        long timestampNs = START_TIMESTAMP_NS;
        for (long t = 0; t < ticks; t++)
        {
            timestampNs += MIN_STEP_NS + random.nextInt(STEP_RANGE_NS);
            final int s = random.nextInt(symbols.length);
            final long step = Math.round(random.nextGaussian() * midCents[s] * STEP_PPM / 1_000_000.0);
            midCents[s] = Math.max(MIN_MID_CENTS, midCents[s] + step);
            final int spreadCents = 1 + random.nextInt(MAX_SPREAD_CENTS);
            final long bidCents = midCents[s] - spreadCents / 2;
            final long askCents = bidCents + spreadCents;
            final int bidUnits = 1 + random.nextInt(MAX_SIZE_UNITS);
            final int askUnits = 1 + random.nextInt(MAX_SIZE_UNITS);

            row.setLength(0);
            appendRow(row, format, FIRST_ID + t, timestampNs, symbols[s], bidCents, bidUnits, askCents, askUnits);
            writer.append(row);
        }
        writer.flush();
    }

    /**
     * One row of the step. For trades, the aggressor is the side with more size on the other
     * side's touch (a stand-in for a coin toss that needs no extra random draw): a buyer lifts the
     * ask and takes its size, a seller hits the bid.
     */
    private static void appendRow(
        final StringBuilder row,
        final MarketDataFormat format,
        final long id,
        final long timestampNs,
        final String symbol,
        final long bidCents,
        final int bidUnits,
        final long askCents,
        final int askUnits)
    {
        final boolean buyerAggressor = askUnits >= bidUnits;
        final long tradeCents = buyerAggressor ? askCents : bidCents;
        final int tradeUnits = Math.min(bidUnits, askUnits);
        final long micros = timestampNs / NANOS_PER_MICRO;
        switch (format)
        {
            case QUIETLOOP:
                row.append(timestampNs).append(',').append(symbol).append(',');
                appendPrice(row, bidCents).append(',');
                appendSize(row, bidUnits).append(',');
                appendPrice(row, askCents).append(',');
                appendSize(row, askUnits);
                break;
            case BINANCE_BOOKTICKER:
                row.append(id).append(',');
                appendPrice(row, bidCents).append(',');
                appendSize(row, bidUnits).append(',');
                appendPrice(row, askCents).append(',');
                appendSize(row, askUnits).append(',');
                row.append(timestampNs / NANOS_PER_MILLI).append(',').append(timestampNs / NANOS_PER_MILLI + 1);
                break;
            case BINANCE_AGGTRADES:
                row.append(id).append(',');
                appendPrice(row, tradeCents).append(',');
                appendSize(row, tradeUnits).append(',');
                row.append(id * 3).append(',').append(id * 3 + 2).append(',');
                row.append(timestampNs / NANOS_PER_MILLI).append(',');
                row.append(buyerAggressor ? "False" : "True").append(",True");
                break;
            case TARDIS_QUOTES:
                row.append(TARDIS_EXCHANGE).append(',').append(symbol).append(',');
                row.append(micros).append(',').append(micros + TARDIS_RECEIVE_DELAY_US).append(',');
                appendSize(row, askUnits).append(',');
                appendPrice(row, askCents).append(',');
                appendPrice(row, bidCents).append(',');
                appendSize(row, bidUnits);
                break;
            case TARDIS_TRADES:
                row.append(TARDIS_EXCHANGE).append(',').append(symbol).append(',');
                row.append(micros).append(',').append(micros + TARDIS_RECEIVE_DELAY_US).append(',');
                row.append(id).append(',').append(buyerAggressor ? "buy" : "sell").append(',');
                appendPrice(row, tradeCents).append(',');
                appendSize(row, tradeUnits);
                break;
            default:
                throw new IllegalArgumentException("no generator for " + format);
        }
        row.append('\n');
    }

    private static StringBuilder appendPrice(final StringBuilder row, final long cents)
    {
        return appendDecimal(row, cents, PRICE_DECIMALS);
    }

    private static StringBuilder appendSize(final StringBuilder row, final long units)
    {
        return appendDecimal(row, units, SIZE_DECIMALS);
    }

    private static long startCents(final String symbol, final int index)
    {
        switch (symbol)
        {
            case "BTCUSDT":
                return 3_000_000;
            case "ETHUSDT":
                return 200_000;
            default:
                return 10_000L * (index + 1);
        }
    }

    /** Appends {@code units / 10^decimals} with exactly {@code decimals} decimals; units are positive. */
    static StringBuilder appendDecimal(final StringBuilder out, final long units, final int decimals)
    {
        long divisor = 1;
        for (int i = 0; i < decimals; i++)
        {
            divisor *= 10;
        }
        out.append(units / divisor).append('.');
        final long fraction = units % divisor;
        for (long d = divisor / 10; d > 1 && fraction < d; d /= 10)
        {
            out.append('0');
        }
        return out.append(fraction);
    }
}
