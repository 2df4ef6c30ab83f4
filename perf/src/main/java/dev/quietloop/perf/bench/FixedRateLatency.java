package dev.quietloop.perf.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Section 5: {@code endToEnd}, from each event's origin on the bot (its tick's intended time) to
 * its receipt at the sidecar stub, at fixed event rates with the default idle strategies. One
 * event per tick (tick-signal), one second of warm-up whose samples are discarded.
 */
final class FixedRateLatency
{
    private final PipelineRun runner;
    private final BenchSettings settings;
    private final Path dataDir;
    private final Map<Integer, List<RunFigures>> results = new LinkedHashMap<>();

    FixedRateLatency(final PipelineRun runner, final BenchSettings settings, final Path dataDir)
    {
        this.runner = runner;
        this.settings = settings;
        this.dataDir = dataDir;
    }

    void run() throws IOException, InterruptedException
    {
        final Map<Integer, Path> files = new LinkedHashMap<>();
        for (final int rate : settings.latencyRates())
        {
            final long ticks = (long)rate * (1 + settings.latencySeconds());
            final Path file = dataDir.resolve("rate-" + rate + ".csv");
            BenchMain.generate(file, ticks);
            files.put(rate, file);
        }
        for (int repeat = 1; repeat <= settings.repeats(); repeat++)
        {
            for (final Map.Entry<Integer, Path> entry : files.entrySet())
            {
                final int rate = entry.getKey();
                final String runId = String.format(Locale.ROOT, "latency-rate-%d-%d", rate, repeat);
                final long ticks = (long)rate * (1 + settings.latencySeconds());
                results.computeIfAbsent(rate, k -> new ArrayList<>()).add(runner.run(new PipelineRun.Spec(runId,
                    entry.getValue(), "--rate=" + rate, Isolation.RING, Condition.HEALTHY, 0, 0, rate,
                    ticks * 1000 / rate + 30_000, List.of())));
            }
        }
    }

    List<String> report()
    {
        final List<String> lines = new ArrayList<>();
        lines.add("µs, median of " + settings.repeats() + " runs (lowest–highest), " + settings.latencySeconds() +
            " s measured after 1 s of warm-up each.");
        lines.add("");
        lines.add("| events/s | endToEnd p50 | p99 | p99.9 | max | tickToPublish p99.9 | ring rejected | balances |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (final Map.Entry<Integer, List<RunFigures>> entry : results.entrySet())
        {
            final List<RunFigures> runs = entry.getValue();
            lines.add(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s |", entry.getKey(),
                Spread.of(runs, r -> r.hop("endToEnd", "p50")).micros(),
                Spread.of(runs, r -> r.hop("endToEnd", "p99")).micros(),
                Spread.of(runs, r -> r.hop("endToEnd", "p99_9")).micros(),
                Spread.of(runs, r -> r.hop("endToEnd", "max")).micros(),
                Spread.of(runs, r -> r.hop("tickToPublish", "p99_9")).micros(),
                Spread.of(runs, RunFigures::ringRejected).plain(),
                runs.stream().allMatch(RunFigures::balances) ? "yes" : "NO"));
        }
        return lines;
    }
}
