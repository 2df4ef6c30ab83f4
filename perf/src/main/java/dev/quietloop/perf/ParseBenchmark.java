package dev.quietloop.perf;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import dev.quietloop.bot.replay.MarketDataFile;
import dev.quietloop.bot.replay.MarketDataFormat;
import dev.quietloop.bot.replay.MarketDataGenerator;
import dev.quietloop.bot.replay.MarketDataReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay throughput in ticks per second: a generated file of {@link #ROWS} rows per format, plain
 * (memory-mapped) or gzip, read to its end as the trading thread reads it. Readers are opened in
 * the trial set-up, as the bot opens its reader at start-up, so {@code -prof gc} shows what a row
 * costs. Run: {@code java @config/jvm.options -cp "perf/target/classes:perf/target/lib/*"
 * org.openjdk.jmh.Main ParseBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1 -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark
{
    static final int ROWS = 1_000_000;
    /** Enough readers for every invocation of a run; more are opened (and counted) only if a run outlasts them. */
    private static final int READERS = 200;

    @Param({ "quietloop", "binance-bookticker", "binance-aggtrades", "tardis-quotes", "tardis-trades" })
    public String format;

    @Param({ "false", "true" })
    public boolean gzip;

    private final ArrayDeque<MarketDataReader> readers = new ArrayDeque<>();
    private final ArrayDeque<MarketDataReader> used = new ArrayDeque<>(READERS);
    private Path dir;
    private MarketDataFile file;
    private long checksum;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        dir = Files.createTempDirectory("parse-benchmark");
        final Path path = dir.resolve("BTCUSDT-" + format + (gzip ? ".csv.gz" : ".csv"));
        final OutputStream bytes = Files.newOutputStream(path);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
            gzip ? new GZIPOutputStream(bytes, 1 << 16) : bytes, StandardCharsets.US_ASCII), 1 << 16))
        {
            write(MarketDataFormat.byName(format), out);
        }
        file = MarketDataFile.open(path, null, null, true, new PrintStream(new ByteArrayOutputStream()));
        if (file.accepted() != ROWS)
        {
            throw new IllegalStateException(format + ": " + file.accepted() + " of " + ROWS + " rows accepted");
        }
        for (int i = 0; i < READERS; i++)
        {
            readers.add(file.reader());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        readers.forEach(MarketDataReader::close);
        readers.clear();
        used.forEach(MarketDataReader::close);
        used.clear();
        try (var paths = Files.list(dir))
        {
            for (final Path path : (Iterable<Path>)paths::iterator)
            {
                Files.delete(path);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long replayFile()
    {
        final MarketDataReader pooled = readers.poll();
        final MarketDataReader reader = pooled != null ? pooled : file.reader();
        // Closed in the tear-down: unmapping allocates a little, once per file, not per row.
        used.add(reader);
        long sum = 0;
        int result;
        while ((result = reader.next()) != MarketDataReader.END)
        {
            sum += result == MarketDataReader.QUOTE ? reader.quote().bidPrice() : reader.trade().price();
        }
        checksum += sum;
        return sum;
    }

    /** Realistic rows: a random walk of the price in cents, sizes of a few units, a few hundred µs apart. */
    private static void write(final MarketDataFormat format, final Writer out) throws IOException
    {
        if (format == MarketDataFormat.QUIETLOOP)
        {
            MarketDataGenerator.generate(ROWS, 42, MarketDataGenerator.DEFAULT_SYMBOLS.split(","), out);
            return;
        }
        final Random random = new Random(42);
        final String[] symbols = MarketDataGenerator.DEFAULT_SYMBOLS.split(",");
        switch (format)
        {
            case BINANCE_BOOKTICKER:
                out.write(
                    "update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time\n");
                break;
            case TARDIS_QUOTES:
                out.write("exchange,symbol,timestamp,local_timestamp,ask_amount,ask_price,bid_price,bid_amount\n");
                break;
            case TARDIS_TRADES:
                out.write("exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n");
                break;
            default:
                break;
        }
        long cents = 4_231_390;
        long timeUs = 1_735_689_600_000_000L;
        for (int i = 0; i < ROWS; i++)
        {
            cents = Math.max(100, cents + random.nextInt(21) - 10);
            timeUs += 1 + random.nextInt(2_000);
            final String bid = cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
            final long askCents = cents + 1 + random.nextInt(3);
            final String ask = askCents / 100 + "." + (askCents % 100 < 10 ? "0" : "") + askCents % 100;
            final String size = random.nextInt(10) + "." + (100 + random.nextInt(900));
            final String symbol = symbols[random.nextInt(symbols.length)];
            switch (format)
            {
                case BINANCE_BOOKTICKER:
                    out.write((4_225_830_617L + i) + "," + bid + "," + size + "," + ask + "," + size + "," +
                        timeUs / 1000 + "," + (timeUs / 1000 + 3) + "\n");
                    break;
                case BINANCE_AGGTRADES:
                    out.write((3_300_000_001L + i) + "," + bid + "," + size + "," + (3_400_000_000L + 2 * i) + "," +
                        (3_400_000_001L + 2 * i) + "," + timeUs + "," + (random.nextBoolean() ? "True" : "False") +
                        ",True\n");
                    break;
                case TARDIS_QUOTES:
                    out.write("binance-futures," + symbol + "," + timeUs + "," + (timeUs + 1234) + "," + size + "," +
                        ask + "," + bid + "," + size + "\n");
                    break;
                default:
                    out.write("binance-futures," + symbol + "," + timeUs + "," + (timeUs + 1234) + "," +
                        (5_000_000_000L + i) + "," + (random.nextBoolean() ? "buy" : "sell") + "," + bid + "," +
                        size + "\n");
                    break;
            }
        }
    }
}
