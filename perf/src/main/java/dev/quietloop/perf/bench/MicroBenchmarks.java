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
 * sample-time mode also gets its p50 and p99.
 */
final class MicroBenchmarks
{
    /** The allocation figure {@code -prof gc} adds to every result; its label's prefix differs between JMH versions. */
    private static final String ALLOCATION = "gc.alloc.rate.norm";

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
            .include("dev\\.quietloop\\.perf\\.(CodecBenchmark|RingPublishBenchmark|RecorderBenchmark" +
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
        for (final RunResult result : results)
        {
            lines.add(row(result));
        }
    }

    List<String> report()
    {
        return lines;
    }

    private static String row(final RunResult result)
    {
        final var params = result.getParams();
        final String name = params.getBenchmark().replace("dev.quietloop.perf.", "");
        final String parameters = params.getParamsKeys().stream()
            .map(key -> key + "=" + params.getParam(key)).collect(Collectors.joining(", "));
        final Result<?> primary = result.getPrimaryResult();
        final boolean sampled = "sample".equals(params.getMode().shortLabel());
        Result<?> allocation = null;
        for (final String label : result.getSecondaryResults().keySet())
        {
            if (label.endsWith(ALLOCATION))
            {
                allocation = result.getSecondaryResults().get(label);
            }
        }
        return String.format(Locale.ROOT, "| %s | %s | %s | %s ± %s %s | %s | %s | %s |", name, parameters,
            params.getMode().shortLabel(), number(primary.getScore()), number(primary.getScoreError()),
            primary.getScoreUnit(),
            sampled ? number(primary.getStatistics().getPercentile(50)) : "-",
            sampled ? number(primary.getStatistics().getPercentile(99)) : "-",
            null == allocation ? "-" : String.format(Locale.ROOT, "%.3f", allocation.getScore()));
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
