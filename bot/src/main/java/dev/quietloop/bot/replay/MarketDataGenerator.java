package dev.quietloop.bot.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import dev.quietloop.protocol.config.ConfigException;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.process.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a quote CSV for replay: per symbol a random walk of the mid price with a spread of one to
 * three cents and realistic sizes, timestamps a few hundred microseconds to two milliseconds apart.
 * The same arguments give the same bytes on every run and every JVM ({@link Random} is specified).
 */
@Command(name = "market-data-generator", mixinStandardHelpOptions = true,
    description = "Writes a deterministic quietloop quote CSV for replay.")
public final class MarketDataGenerator implements Callable<Integer>
{
    public static final String DEFAULT_SYMBOLS = "BTCUSDT,ETHUSDT";
    /** The first line of every file written: the {@link MarketDataFormat#QUIETLOOP} header. */
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

    @Option(names = "--ticks", required = true, paramLabel = "N", description = "rows to write")
    private long ticks;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV file to write")
    private Path out;

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
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.US_ASCII))
        {
            generate(ticks, seed, symbols.toArray(new String[0]), writer);
        }
        return ExitCodes.OK;
    }

    /** Writes the header and {@code ticks} rows. */
    public static void generate(final long ticks, final long seed, final String[] symbols, final Writer out)
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
        writer.write(HEADER);
        writer.write('\n');
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

            row.setLength(0);
            row.append(timestampNs).append(',').append(symbols[s]).append(',');
            appendDecimal(row, bidCents, PRICE_DECIMALS).append(',');
            appendDecimal(row, 1 + random.nextInt(MAX_SIZE_UNITS), SIZE_DECIMALS).append(',');
            appendDecimal(row, askCents, PRICE_DECIMALS).append(',');
            appendDecimal(row, 1 + random.nextInt(MAX_SIZE_UNITS), SIZE_DECIMALS).append('\n');
            writer.append(row);
        }
        writer.flush();
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
