package dev.quietloop.perf.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.quietloop.bot.replay.MarketDataGenerator;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.process.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/bench.sh}: runs every section of the benchmark suite and writes
 * {@code perf/RESULTS.md} with its plots beside it in {@code perf/results/}. Each pipeline run is
 * a real {@code bin/run-bot.sh}-style run whose report stays under {@code perf/reports/bench-*}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measures latency isolation, throughput, CPU per event, fixed-rate latency and the micro-benchmarks; " +
        "writes perf/RESULTS.md.")
public final class BenchMain implements Callable<Integer>
{
    static final Set<String> SECTIONS = Set.of("isolation", "throughput", "cpu", "latency", "micro");
    /**
     * What the throughput runs' JVMs (both sides) get on top of the shared flags, which every other
     * run keeps as they are, heap included: the bench measures the defaults a user gets. In a
     * throughput run the kernel clearing fresh heap pages for JeroMQ's allocations is CPU taken from
     * the pipeline (12% of both CPUs in a profile at 700 k events/s; pre-touching raised capacity by
     * 15-35% here, for quietloop and the raw baseline alike). Elsewhere it would only slow each start.
     */
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

    @Option(names = "--quick", description = "the short suite, under 5 minutes on 2 cores: the isolation matrix at " +
        "the fixed rate, shorter (--only SECTION runs another section, quick-sized)")
    private boolean quick;

    @Option(names = "--only", split = ",", paramLabel = "SECTION",
        description = "run only these: isolation, throughput, cpu, latency, micro (default: all)")
    private List<String> only;

    @Option(names = "--results", defaultValue = "perf/RESULTS.md", description = "where the results go")
    private Path resultsFile;

    @Option(names = "--jvm-options", defaultValue = "config/jvm.options", description = "the JVM flags file")
    private Path jvmOptions;

    @Option(names = "--pin", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "in the isolation runs, pin the bot's trading thread to the last CPU and every other thread " +
        "of the three processes to the rest, as on a production box (default: on; needs 2+ CPUs and taskset)")
    private boolean pin;

    public static void main(final String[] args)
    {
        System.exit(Cli.run("bench", new BenchMain(), args));
    }

    @Override
    public Integer call() throws Exception
    {
        final Path root = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(root.resolve("dist/target/lib")))
        {
            throw new ConfigException("no dist/target/lib under " + root + ": run from the project root after a build");
        }
        if (!Files.isReadable(jvmOptions))
        {
            throw new ConfigException("cannot read JVM options file " + jvmOptions + " (--jvm-options)");
        }
        final BenchSettings settings = quick ? BenchSettings.QUICK : BenchSettings.FULL;
        // The quick suite is the headline alone, the isolation matrix at the fixed rate: each pipeline
        // run costs about 5 s of starting three JVMs and draining whatever its length, and 30 of them
        // fill the 5 minutes. `--quick --only throughput` (or micro, or latency) runs another, quick-sized.
        final List<String> sections = null != only ? only :
            settings.quick() ? List.of("isolation") : List.of("isolation", "throughput", "cpu", "latency", "micro");
        for (final String section : sections)
        {
            if (!SECTIONS.contains(section))
            {
                throw new ConfigException("unknown --only section '" + section +
                    "' (isolation, throughput, cpu, latency, micro)");
            }
        }
        final String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        final Path reportsDir = Files.createDirectories(root.resolve("perf/reports/bench-" + stamp));
        final Path countersDir = Files.createDirectories(reportsDir.resolve("counters"));
        final Path resultsDir = Files.createDirectories(resultsFile.toAbsolutePath().getParent().resolve("results"));
        final Path pipelineOptions = pipelineOptions(reportsDir.resolve("jvm.options"), false);
        final PipelineRun runner = new PipelineRun(root, pipelineOptions, reportsDir, countersDir);
        final BitSet online = pin ? CpuAffinity.online("--pin") : new BitSet();
        final int tradingCpu = tradingCpu(online);
        final Isolation isolation = new Isolation(runner, settings, pinning(online, tradingCpu), tradingCpu);
        final long startNs = System.nanoTime();
        // Before the bench writes its plots into the working tree, which would make it look changed.
        final String revision = ResultsHeader.revision(root);

        final List<String> body = new ArrayList<>();
        if (sections.contains("isolation"))
        {
            isolation.run(reportsDir);
            body.add("## 1. Isolation: the bot's latency under sidecar faults");
            body.add("");
            body.addAll(isolation.report(resultsDir));
        }
        if (sections.contains("throughput"))
        {
            final Path data = reportsDir.resolve("throughput.csv");
            generate(data, settings.throughputTicks());
            final Path throughputOptions = pipelineOptions(reportsDir.resolve("jvm-throughput.options"), true);
            final Throughput throughput = new Throughput(new PipelineRun(root, throughputOptions, reportsDir, countersDir),
                settings, new RawJeromqRun(root, throughputOptions));
            try
            {
                throughput.run(data);
            }
            finally
            {
                // Hundreds of MB, made again from the same seed by the next run: not worth keeping in perf/reports.
                Files.deleteIfExists(data);
            }
            body.add("## 2. Throughput");
            body.add("");
            body.addAll(throughput.report());
            body.add("");
        }
        if (sections.contains("cpu"))
        {
            body.addAll(cpuPerEvent(runner, new RawJeromqRun(root, pipelineOptions), settings, reportsDir));
            body.add("");
        }
        if (sections.contains("latency"))
        {
            final FixedRateLatency latency = new FixedRateLatency(runner, settings, reportsDir);
            latency.run();
            body.add("## 5. Latency at a fixed rate");
            body.add("");
            body.addAll(latency.report());
            body.add("");
        }
        if (sections.contains("micro"))
        {
            final MicroBenchmarks micro = new MicroBenchmarks(settings, jvmOptions.toAbsolutePath());
            micro.run();
            body.add("## 3. Micro-benchmarks (JMH, `-prof gc`)");
            body.add("");
            body.addAll(micro.report());
            body.add("");
        }
        final double minutes = (System.nanoTime() - startNs) / 60e9;
        // The example is a run of the matrix as Isolation makes it, whether or not this bench ran one.
        final BenchSettings.IsolationPace examplePace = settings.isolationPaces().get(0);
        final PipelineRun.Spec example = isolation.spec(
            Isolation.data(reportsDir, examplePace), examplePace, Isolation.RING, Condition.SLOW, 1);
        final List<String> header = new ResultsHeader(settings, jvmOptions, pin)
            .lines(sections, minutes, revision, runner.command(example, 0));
        write(resultsFile, header, body);
        System.out.println("bench: wrote " + resultsFile + " in " + String.format(Locale.ROOT, "%.1f", minutes) +
            " min; the runs' reports are in " + root.relativize(reportsDir));
        return ExitCodes.OK;
    }

    /** Section 4, on files it makes and then deletes: the long one is 118 MB, made again from the same seed next time. */
    private static List<String> cpuPerEvent(
        final PipelineRun runner, final RawJeromqRun rawJeromq, final BenchSettings settings, final Path reportsDir)
        throws IOException, InterruptedException
    {
        final Path longData = reportsDir.resolve("cpu-" + CpuPerEvent.LONG_TICKS + ".csv");
        final Path shortData = reportsDir.resolve("cpu-" + CpuPerEvent.SHORT_TICKS + ".csv");
        final CpuPerEvent cpu = new CpuPerEvent(runner, rawJeromq, settings);
        try
        {
            generate(longData, CpuPerEvent.LONG_TICKS);
            generate(shortData, CpuPerEvent.SHORT_TICKS);
            cpu.run(longData, shortData);
        }
        finally
        {
            Files.deleteIfExists(longData);
            Files.deleteIfExists(shortData);
        }
        final List<String> lines = new ArrayList<>(List.of("## 4. CPU per event", ""));
        lines.addAll(cpu.report());
        return lines;
    }

    /** The CPU the isolation runs give the bot's trading thread: the last one online; -1 with {@code --no-pin}. */
    private int tradingCpu(final BitSet online)
    {
        if (!pin)
        {
            return -1;
        }
        if (online.cardinality() < 2)
        {
            throw new ConfigException("--pin needs 2 or more CPUs online, this machine has " +
                CpuAffinity.format(online) + ": use --no-pin");
        }
        return online.length() - 1;
    }

    /**
     * The isolation runs' CPUs: the broker, and the stub and bot it launches, on every CPU but the
     * trading one; the bot's trading thread alone on it. With {@code --no-pin}, the broker's own
     * {@code --no-pin}: it would otherwise pin a run that names no CPUs by default.
     */
    private static List<String> pinning(final BitSet online, final int tradingCpu)
    {
        if (tradingCpu < 0)
        {
            return List.of("--no-pin");
        }
        final BitSet rest = (BitSet)online.clone();
        rest.clear(tradingCpu);
        return List.of("--cpus", CpuAffinity.format(rest), "--bot-arg=--trading-cpu=" + tradingCpu);
    }

    /** The shared flags, pre-touched when {@code preTouch}, written to {@code file}. */
    private Path pipelineOptions(final Path file, final boolean preTouch) throws IOException
    {
        final List<String> lines = new ArrayList<>();
        for (final String line : Files.readAllLines(jvmOptions, StandardCharsets.UTF_8))
        {
            final String flag = line.strip();
            if (!PRE_TOUCH.equals(flag))
            {
                lines.add(line);
            }
        }
        if (preTouch)
        {
            lines.add(PRE_TOUCH);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file.toAbsolutePath();
    }

    /** A deterministic quietloop file of {@code ticks} quotes and trades on two symbols. */
    static void generate(final Path file, final long ticks)
    {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII))
        {
            MarketDataGenerator.generate(ticks, 42, MarketDataGenerator.DEFAULT_SYMBOLS.split(","), out);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    private static void write(final Path file, final List<String> header, final List<String> body) throws IOException
    {
        final List<String> lines = new ArrayList<>(header);
        lines.addAll(body);
        lines.addAll(ProductionNotes.LINES);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
