package dev.quietloop.perf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

import dev.quietloop.bot.replay.MarketDataFile;
import dev.quietloop.bot.replay.MarketDataFormat;
import dev.quietloop.bot.replay.MarketDataGenerator;
import dev.quietloop.bot.replay.MarketDataReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Replay throughput in ticks per second: a generated file of {@link #ROWS} rows per format, plain
 * (memory-mapped) or gzip, read to its end as the trading thread reads it. Readers are opened in
 * the trial set-up, as the bot opens its reader at start-up, so {@code -prof gc} shows what a row
 * costs. Run: {@code java @config/jvm.options -cp "perf/target/classes:perf/target/lib/*"
 * org.openjdk.jmh.Main ParseBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1 -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark extends HotPathBenchmark
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
        MarketDataGenerator.write(
            MarketDataFormat.byName(format), ROWS, 42, MarketDataGenerator.DEFAULT_SYMBOLS.split(","), path);
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
}
