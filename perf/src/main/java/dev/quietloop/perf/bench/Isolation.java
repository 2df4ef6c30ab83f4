package dev.quietloop.perf.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.quietloop.perf.bench.BenchSettings.IsolationPace;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * Section 1, the headline: the same data and strategy under each sidecar condition, at a fixed
 * rate and at max speed, for quietloop (events through the ring to the sender thread) and for the
 * naive baseline (the trading thread sends each event itself). The figure is the bot's
 * {@code tickToPublish}, timed from each tick's intended time. Repeats run round-robin over the
 * scenarios, so drift on a shared machine spreads over all of them alike.
 */
final class Isolation
{
    static final String RING = "ring";
    static final String DIRECT = "direct";
    /** quietloop's goal: every fault's p99.9 at most this times the healthy one of the same run. */
    static final double GOAL_RATIO = 1.2;
    /** Start-up (about 5 s of three JVMs, longer on a busy machine) and the drain, beyond a paced replay. */
    static final long PACED_MARGIN_MS = 7_000;
    static final long MAX_SPEED_RING_MS = 20_000;
    static final long MAX_SPEED_NAIVE_MS = 30_000;
    /**
     * Small socket buffers in every process, for both modes alike: with the defaults (1000 frames
     * per socket, the kernel's megabytes) a stalled sidecar takes minutes to push back to the bot,
     * longer than a run; with these it does within a few seconds at this rate. Smaller still (10
     * frames, 4 KiB, a 64-slot broker ring) starved the naive baseline even with a healthy stub:
     * its one-event frames could not cross three threads sharing one CPU at 5,000 per second.
     */
    static final List<String> SMALL_BUFFERS = buffers(65_536, 1_024);
    /**
     * The quick suite's runs are a second long: its queues hold fewer one-event frames (16 KiB
     * kernel buffers, a 256-slot broker ring), so that a fault reaches the naive baseline in time.
     */
    static final List<String> QUICK_BUFFERS = buffers(16_384, 256);

    private static List<String> buffers(final int kernelBytes, final int brokerRingSize)
    {
        return List.of("--hwm", "100", "--socket-buffer-bytes", Integer.toString(kernelBytes),
            "--ring-size", Integer.toString(brokerRingSize),
            "--bot-arg=--hwm=100", "--bot-arg=--socket-buffer-bytes=" + kernelBytes,
            "--stub-arg=--hwm=100", "--stub-arg=--socket-buffer-bytes=" + kernelBytes);
    }

    private final PipelineRun runner;
    private final BenchSettings settings;
    private final List<String> extraArgs;
    /** pace, then send mode, then condition: the repeats. */
    private final Map<IsolationPace, Map<String, Map<Condition, List<RunFigures>>>> results = new LinkedHashMap<>();

    /** @param pinning the CPU flags of every run, the same for both modes and every condition; or none */
    Isolation(final PipelineRun runner, final BenchSettings settings, final List<String> pinning)
    {
        this.runner = runner;
        this.settings = settings;
        this.extraArgs = extraArgs(settings, pinning);
    }

    /** The flags every isolation run adds to the condition's: the small buffers, then the pinning. */
    private static List<String> extraArgs(final BenchSettings settings, final List<String> pinning)
    {
        final List<String> args = new ArrayList<>(settings.quick() ? QUICK_BUFFERS : SMALL_BUFFERS);
        args.addAll(pinning);
        return List.copyOf(args);
    }

    /** Generates each pace's data into {@code dir}, then runs the matrix. */
    void run(final Path dir) throws IOException, InterruptedException
    {
        for (final IsolationPace pace : settings.isolationPaces())
        {
            BenchMain.generate(data(dir, pace), pace.ticks());
        }
        for (int repeat = 1; repeat <= settings.repeats(); repeat++)
        {
            for (final IsolationPace pace : settings.isolationPaces())
            {
                for (final String mode : List.of(RING, DIRECT))
                {
                    for (final Condition condition : Condition.values())
                    {
                        final RunFigures figures = runner.run(spec(data(dir, pace), pace, mode, condition, repeat));
                        results.computeIfAbsent(pace, k -> new LinkedHashMap<>())
                            .computeIfAbsent(mode, k -> new EnumMap<>(Condition.class))
                            .computeIfAbsent(condition, k -> new ArrayList<>()).add(figures);
                    }
                }
            }
        }
    }

    /**
     * One scenario's run in one repeat. A paced run's broker is stopped a quarter of the way into
     * the measured ticks; a run still going a few seconds after its replay should have ended is
     * cut short (the naive baseline behind a stalled sidecar would take hours).
     */
    PipelineRun.Spec spec(
        final Path data, final IsolationPace pace, final String mode, final Condition condition, final int repeat)
    {
        final String runId = String.format(Locale.ROOT, "isolation-%s-%s-%s-%d",
            pace.name(), mode, condition.name().toLowerCase(Locale.ROOT), repeat);
        final long stopAt = pace.warmupEvents() + 1 + (pace.paced() ? (pace.ticks() - pace.warmupEvents()) / 4 : 0);
        return new PipelineRun.Spec(runId, data, pace.flag(), mode, condition, stopAt, settings.stopMs(),
            pace.warmupEvents(), timeLimitMs(pace, mode), extraArgs);
    }

    /**
     * How long a run may take, start-up (about 5 s of three JVMs) included, before it is asked to
     * stop and leaves a partial report. A paced run gets its replay's length and {@link #PACED_MARGIN_MS}:
     * the naive baseline behind a faulted sidecar would take hours. At max speed
     * quietloop finishes well within {@link #MAX_SPEED_RING_MS}; the naive baseline does not: it
     * sends one-event frames at the pace the pipeline takes them, a few thousand a second here even
     * with a healthy stub, so it is stopped at {@link #MAX_SPEED_NAIVE_MS}, long after its warm-up.
     */
    static long timeLimitMs(final IsolationPace pace, final String mode)
    {
        if (pace.paced())
        {
            return pace.ticks() * 1000 / pace.rate() + PACED_MARGIN_MS;
        }
        return DIRECT.equals(mode) ? MAX_SPEED_NAIVE_MS : MAX_SPEED_RING_MS;
    }

    /** Where a pace's generated data goes. */
    static Path data(final Path dir, final IsolationPace pace)
    {
        return dir.resolve("isolation-" + pace.name() + ".csv");
    }

    /** The tables, the goal check and the plot, as Markdown. */
    List<String> report(final Path resultsDir) throws IOException
    {
        final List<String> lines = new ArrayList<>();
        for (final Map.Entry<IsolationPace, Map<String, Map<Condition, List<RunFigures>>>> byPace : results.entrySet())
        {
            final IsolationPace pace = byPace.getKey();
            lines.add("### " + (pace.paced() ? "Fixed rate, " + pace.rate() + " ticks/s" : "Max speed"));
            lines.add("");
            lines.add(String.format(Locale.ROOT, "Each run replays %,d ticks, one event each; the first %,d are a " +
                "warm-up left out of the histograms; measured: the events timed after it, fewer where a run was " +
                "stopped at its time limit. A run stopped before its warm-up ended has nothing measured: its row " +
                "says how many ticks it replayed.", pace.ticks(), pace.warmupEvents()));
            lines.add("");
            lines.add("`tickToPublish` in µs, median of " + settings.repeats() + " runs (lowest–highest); the ratio is " +
                "the median p99.9 over the healthy median p99.9 of the same mode in this bench run. A garbage " +
                "collection in the bot stops its trading thread whichever thread allocated: bot GCs counts them over " +
                "the whole run. Dropped at close: events handed to a socket that a process closed with them still queued " +
                "(its linger ran out), counted by no process but by the run's report (`losses`); balances: every " +
                "event delivered or counted by the process that last held it, in every repeat.");
            lines.add("");
            lines.add("| mode | condition | measured | p50 | p99 | p99.9 | max | p99.9 / healthy | ring rejected | " +
                "delivered | dropped at close | bot GCs | balances |");
            lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            for (final Map.Entry<String, Map<Condition, List<RunFigures>>> byMode : byPace.getValue().entrySet())
            {
                final Map<Condition, List<RunFigures>> conditions = byMode.getValue();
                final double healthy = p999(conditions.get(Condition.HEALTHY)).median();
                for (final Map.Entry<Condition, List<RunFigures>> entry : conditions.entrySet())
                {
                    final List<RunFigures> runs = entry.getValue();
                    final List<RunFigures> measured = measured(runs);
                    lines.add(String.format(Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
                        modeName(byMode.getKey()), entry.getKey().title(),
                        measured.isEmpty() ? "none: stuck in the warm-up, " +
                            Spread.of(runs, r -> r.value("bot.ticks")).plain() + " ticks replayed" :
                            Spread.of(runs, r -> Math.max(0, r.hop("tickToPublish", "count"))).plain(),
                        Spread.of(measured, r -> r.hop("tickToPublish", "p50")).micros(),
                        Spread.of(measured, r -> r.hop("tickToPublish", "p99")).micros(),
                        p999(runs).micros(),
                        Spread.of(measured, r -> r.hop("tickToPublish", "max")).micros(),
                        ratio(p999(runs).median() / healthy),
                        Spread.of(runs, r -> r.ringRejected()).plain(),
                        Spread.of(runs, r -> r.delivered()).plain(),
                        Spread.of(runs, RunFigures::dropped).plain(),
                        Spread.of(runs, r -> r.value("bot.gcCount")).plain(),
                        runs.stream().allMatch(RunFigures::balances) ? "yes" : "NO"));
                }
            }
            lines.add("");
            lines.addAll(goals(byPace.getValue()));
            lines.add("");
            final String png = "isolation-" + pace.name() + ".png";
            try
            {
                plot(resultsDir.resolve(png), pace, byPace.getValue());
                lines.add("![tickToPublish p99.9 per condition, " + pace.name() + "](results/" + png + ")");
            }
            catch (final IOException | RuntimeException ex)
            {
                lines.add("(the plot could not be drawn: " + ex + ")");
            }
            lines.add("");
        }
        return lines;
    }

    /**
     * The goal lines. A fault without a measured run cannot show quietloop's goal met; for the naive
     * baseline it is the worst degradation of all, and is named as such.
     */
    static List<String> goals(final Map<String, Map<Condition, List<RunFigures>>> byMode)
    {
        final double worstRing = worstRatio(byMode.get(RING));
        final String stuck = byMode.get(DIRECT).entrySet().stream()
            .filter(entry -> measured(entry.getValue()).isEmpty())
            .map(entry -> entry.getKey().title()).collect(Collectors.joining(", "));
        return List.of(
            String.format(Locale.ROOT, "- quietloop: worst fault p99.9 / healthy p99.9 = **%s** (goal ≤ %.1f): %s",
                ratio(worstRing), GOAL_RATIO, worstRing <= GOAL_RATIO ? "met" : "**not met**"),
            String.format(Locale.ROOT, "- naive baseline: worst fault p99.9 / healthy p99.9 = **%.0f** " +
                "(expected: orders of magnitude)%s", worstRatio(measuredOnly(byMode.get(DIRECT))),
                stuck.isEmpty() ? "" : "; worse still, stuck in its warm-up: " + stuck));
    }

    /** The highest median p99.9 of a mode's conditions over its healthy one. */
    /** The highest fault p99.9 over the healthy one; NaN when either is missing. */
    private static double worstRatio(final Map<Condition, List<RunFigures>> conditions)
    {
        final List<RunFigures> healthyRuns = conditions.get(Condition.HEALTHY);
        if (null == healthyRuns)
        {
            return Double.NaN;
        }
        final double healthy = p999(healthyRuns).median();
        double worst = 0;
        for (final List<RunFigures> runs : conditions.values())
        {
            worst = Math.max(worst, p999(runs).median() / healthy);
        }
        return worst;
    }

    private static void plot(
        final Path png, final IsolationPace pace, final Map<String, Map<Condition, List<RunFigures>>> byMode)
        throws IOException
    {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        final CategoryChart chart = new CategoryChartBuilder().width(1000).height(560)
            .title("tickToPublish p99.9 per sidecar condition, " + pace.name() + " (median of repeats)")
            .xAxisTitle("condition").yAxisTitle("p99.9 (µs, log)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        // Bars start at zero, which a log axis cannot show: points joined by lines instead.
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setXAxisLabelRotation(10);
        for (final Map.Entry<String, Map<Condition, List<RunFigures>>> byCondition : byMode.entrySet())
        {
            final List<String> names = new ArrayList<>();
            final List<Double> values = new ArrayList<>();
            for (final Map.Entry<Condition, List<RunFigures>> entry : byCondition.getValue().entrySet())
            {
                final double p999 = p999(entry.getValue()).median();
                if (Double.isNaN(p999))
                {
                    continue; // nothing measured: the table says why
                }
                names.add(entry.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                values.add(Math.max(0.1, p999 / 1000.0));
            }
            chart.addSeries(modeName(byCondition.getKey()), names, values);
        }
        try (OutputStream out = Files.newOutputStream(png))
        {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** The median p99.9 of the runs that measured anything; NaN when none did. */
    private static Spread p999(final List<RunFigures> runs)
    {
        return Spread.of(measured(runs), r -> r.hop("tickToPublish", "p99_9"));
    }

    /** The runs that timed at least one event after their warm-up. */
    private static List<RunFigures> measured(final List<RunFigures> runs)
    {
        return runs.stream().filter(run -> run.hop("tickToPublish", "count") > 0).toList();
    }

    private static Map<Condition, List<RunFigures>> measuredOnly(final Map<Condition, List<RunFigures>> conditions)
    {
        final Map<Condition, List<RunFigures>> measured = new EnumMap<>(Condition.class);
        conditions.forEach((condition, runs) ->
        {
            if (!measured(runs).isEmpty())
            {
                measured.put(condition, runs);
            }
        });
        return measured;
    }

    private static String ratio(final double ratio)
    {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String modeName(final String mode)
    {
        return RING.equals(mode) ? "quietloop" : "naive";
    }
}
