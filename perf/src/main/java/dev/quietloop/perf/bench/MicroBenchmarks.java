package dev.quietloop.perf.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Section 3: the JMH micro-benchmarks under {@code perf/}, run in forked JVMs with the project's
 * JVM flags and {@code -prof gc}, each reported with its allocation per operation. A benchmark in
 * sample-time mode also gets its p50 and p99. Below the table, the section's two goals are judged
 * from the same run: nothing of ours allocates on a hot path, and a ring publish takes at most
 * {@link #RING_PUBLISH_GOAL_NS} at p50.
 */
final class MicroBenchmarks
{
    /** The allocation figure {@code -prof gc} adds to every result; its label's prefix differs between JMH versions. */
    private static final String ALLOCATION = "gc.alloc.rate.norm";
    /** The ring publish goal, p50 in ns, for the publish alone: the benchmark's clock floor taken off. */
    static final double RING_PUBLISH_GOAL_NS = 50;
    /**
     * Below this many bytes per operation nothing is allocated per call: the smallest object is 16
     * bytes, so even one allocation every 16 calls would show as 1 B/op. What remains is JMH's own
     * bookkeeping (sample-time mode's buffers), spread over millions of calls.
     */
    static final double NO_ALLOCATION_BYTES_PER_OP = 1.0;
    private static final String RING_PUBLISH = "RingPublishBenchmark.publishSignal";
    private static final String TIMER_FLOOR = "RingPublishBenchmark.timerFloor";

    private final BenchSettings settings;
    private final Path jvmOptions;
    private final List<String> lines = new ArrayList<>();

    MicroBenchmarks(final BenchSettings settings, final Path jvmOptions)
    {
        this.settings = settings;
        this.jvmOptions = jvmOptions;
    }

    void run() throws IOException, RunnerException
    {
        final boolean quick = settings.quick();
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include("dev\\.quietloop\\.perf\\.(CodecBenchmark|RingPublishBenchmark|FullRingPublishBenchmark" +
                "|RecorderBenchmark|WakeBenchmark" +
                (quick ? ")" : "|ParseBenchmark)"))
            .forks(1)
            .warmupIterations(settings.jmhIterations())
            .measurementIterations(quick ? 1 : settings.jmhIterations() + 1)
            .warmupTime(TimeValue.seconds(1))
            .measurementTime(TimeValue.seconds(1))
            .addProfiler(GCProfiler.class)
            .jvmArgsAppend(jvmFlags(jvmOptions));
        final Collection<RunResult> results = new Runner(options.build()).run();
        lines.add("| benchmark | parameters | mode | score | p50 | p99 | B/op |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- |");
        final List<Measured> measured = new ArrayList<>();
        for (final RunResult result : results)
        {
            final Measured figures = measured(result);
            lines.add(row(result, figures));
            measured.add(figures);
        }
        lines.add("");
        lines.addAll(goals(measured));
    }

    /** One benchmark's figures that the goals read: its name, parameters, sampled p50 (NaN if not sampled) and B/op. */
    record Measured(String name, String parameters, double p50, double bytesPerOp)
    {
    }

    /**
     * The section's goals, judged from the results of one run. The ring publish's own p50 is its
     * sampled p50 less the p50 of {@code timerFloor} with the same parameters: JMH times each sample
     * with two clock reads, which the floor measures around an empty call.
     */
    static List<String> goals(final List<Measured> results)
    {
        final List<String> goals = new ArrayList<>();
        final String allocating = results.stream()
            .filter(result -> result.bytesPerOp() >= NO_ALLOCATION_BYTES_PER_OP)
            .map(MicroBenchmarks::label).collect(Collectors.joining(", "));
        final String unknown = results.stream()
            .filter(result -> Double.isNaN(result.bytesPerOp()))
            .map(MicroBenchmarks::label).collect(Collectors.joining(", "));
        final String verdict;
        if (!allocating.isEmpty())
        {
            verdict = "**not met** by " + allocating;
        }
        else if (!unknown.isEmpty())
        {
            verdict = "**not shown**: no `-prof gc` figure for " + unknown;
        }
        else
        {
            verdict = "every benchmark under " + number(NO_ALLOCATION_BYTES_PER_OP) + " B/op: **met**";
        }
        goals.add(String.format(Locale.ROOT, "- Allocation: %s (goal 0 B/op; under %.0f B/op is no allocation per " +
            "call, the rest is JMH's own bookkeeping)", verdict, NO_ALLOCATION_BYTES_PER_OP));
        for (final Measured publish : results)
        {
            if (!RING_PUBLISH.equals(publish.name()))
            {
                continue;
            }
            final double floor = results.stream()
                .filter(result -> TIMER_FLOOR.equals(result.name()) && result.parameters().equals(publish.parameters()))
                .mapToDouble(Measured::p50).findFirst().orElse(Double.NaN);
            if (Double.isNaN(floor) || Double.isNaN(publish.p50()))
            {
                goals.add("- Ring publish (" + publish.parameters() + "): **not shown**, no sampled p50 of the " +
                    "publish and of `timerFloor` with these parameters");
                continue;
            }
            final double own = publish.p50() - floor;
            final boolean hopsOn = publish.parameters().contains("timeHops=true");
            goals.add(String.format(Locale.ROOT, "- Ring publish (%s), p50: sampled %s ns less the clock floor %s ns " +
                "= **%s ns**%s", publish.parameters(), number(publish.p50()), number(floor), number(own),
                hopsOn ? ", two clock reads and a record included (the hop timers' cost, not the publish's)" :
                String.format(Locale.ROOT, " (goal ≤ %.0f ns): %s", RING_PUBLISH_GOAL_NS,
                    own <= RING_PUBLISH_GOAL_NS ? "met" : "**not met**")));
        }
        return goals;
    }

    private static String label(final Measured result)
    {
        return result.name() + (result.parameters().isEmpty() ? "" : " (" + result.parameters() + ")");
    }

    private static Measured measured(final RunResult result)
    {
        final var params = result.getParams();
        final boolean sampled = "sample".equals(params.getMode().shortLabel());
        final Result<?> allocation = allocation(result);
        return new Measured(name(result), parameters(result),
            sampled ? result.getPrimaryResult().getStatistics().getPercentile(50) : Double.NaN,
            null == allocation ? Double.NaN : allocation.getScore());
    }

    private static String name(final RunResult result)
    {
        return result.getParams().getBenchmark().replace("dev.quietloop.perf.", "");
    }

    private static String parameters(final RunResult result)
    {
        final var params = result.getParams();
        return params.getParamsKeys().stream()
            .map(key -> key + "=" + params.getParam(key)).collect(Collectors.joining(", "));
    }

    private static Result<?> allocation(final RunResult result)
    {
        Result<?> allocation = null;
        for (final String label : result.getSecondaryResults().keySet())
        {
            if (label.endsWith(ALLOCATION))
            {
                allocation = result.getSecondaryResults().get(label);
            }
        }
        return allocation;
    }

    List<String> report()
    {
        return lines;
    }

    private static String row(final RunResult result, final Measured figures)
    {
        final var params = result.getParams();
        final Result<?> primary = result.getPrimaryResult();
        final boolean sampled = "sample".equals(params.getMode().shortLabel());
        return String.format(Locale.ROOT, "| %s | %s | %s | %s ± %s %s | %s | %s | %s |", figures.name(), figures.parameters(),
            params.getMode().shortLabel(), number(primary.getScore()), number(primary.getScoreError()),
            primary.getScoreUnit(),
            number(figures.p50()),
            sampled ? number(primary.getStatistics().getPercentile(99)) : "-",
            Double.isNaN(figures.bytesPerOp()) ? "-" : String.format(Locale.ROOT, "%.3f", figures.bytesPerOp()));
    }

    private static String number(final double value)
    {
        if (Double.isNaN(value))
        {
            return "-";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) :
            String.format(Locale.ROOT, "%.2f", value);
    }

    /** The flags of {@code config/jvm.options}, one per line, without comments. */
    static String[] jvmFlags(final Path jvmOptions) throws IOException
    {
        return Files.readAllLines(jvmOptions, StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toArray(String[]::new);
    }
}
