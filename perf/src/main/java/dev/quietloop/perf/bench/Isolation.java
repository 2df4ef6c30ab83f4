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
import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * Section 1, the headline: the same data and strategy under each sidecar condition, at a fixed
 * rate and at max speed, for quietloop (events through the ring to the sender thread) and for the
 * naive baseline (the trading thread sends each event itself). The figure is the bot's
 * {@code tickToPublish}, timed from each tick's intended time. Repeats run round-robin over the
 * scenarios, so drift on a shared machine spreads over all of them alike, and each scenario's
 * samples are pooled over its repeats (see {@link Scenario}).
 */
final class Isolation
{
    static final String RING = "ring";
    static final String DIRECT = "direct";
    /** quietloop's goal: every fault's p99.9 at most this times the healthy one of the same run. */
    static final double GOAL_RATIO = 1.2;
    /**
     * Start-up (about 5 s of three JVMs, longer on a busy machine) and a healthy run's drain, beyond a
     * paced replay: the naive baseline's limit, past which it is cut (behind a fault it would take hours).
     */
    static final long PACED_MARGIN_MS = 7_000;
    /**
     * quietloop's runs end by themselves, and are given the time to: behind a stalled or dead
     * sidecar the bot drains and lingers, then the broker waits out its own drain timeout and the
     * forwarder's linger (linger and handshake interval), about 10 s beyond the replay here.
     */
    static final long RING_PACED_MARGIN_MS = 13_000;
    static final long MAX_SPEED_RING_MS = 25_000;
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
    /** The {@code /proc/stat} line of the trading thread's CPU, or of the whole machine when it is not pinned. */
    private final String stealLabel;
    /** pace, then send mode, then condition: the repeats. */
    private final Map<IsolationPace, Map<String, Map<Condition, Scenario>>> results = new LinkedHashMap<>();

    /**
     * @param pinning    the CPU flags of every run, the same for both modes and every condition; or none
     * @param tradingCpu the CPU the pinning gives the trading thread, -1 without pinning
     */
    Isolation(final PipelineRun runner, final BenchSettings settings, final List<String> pinning, final int tradingCpu)
    {
        this.runner = runner;
        this.settings = settings;
        this.extraArgs = extraArgs(settings, pinning);
        this.stealLabel = CpuSteal.label(tradingCpu);
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
        for (int repeat = 1; repeat <= settings.isolationRepeats(); repeat++)
        {
            for (final IsolationPace pace : settings.isolationPaces())
            {
                for (final String mode : List.of(RING, DIRECT))
                {
                    for (final Condition condition : Condition.values())
                    {
                        final PipelineRun.Spec spec = spec(data(dir, pace), pace, mode, condition, repeat);
                        final long stolenBeforeMs = CpuSteal.stolenMs(stealLabel);
                        final RunFigures figures = runner.run(spec);
                        final long stolenMs = CpuSteal.stolenMs(stealLabel) - stolenBeforeMs;
                        results.computeIfAbsent(pace, k -> new LinkedHashMap<>())
                            .computeIfAbsent(mode, k -> new EnumMap<>(Condition.class))
                            .computeIfAbsent(condition, k -> new Scenario())
                            .add(figures, tickToPublish(runner.reportDir(spec.runId())), stolenBeforeMs < 0 ? -1 : stolenMs);
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
     * stop and leaves a partial report. A paced run gets its replay's length and a margin:
     * {@link #RING_PACED_MARGIN_MS} for quietloop, {@link #PACED_MARGIN_MS} for the naive baseline,
     * which behind a faulted sidecar would take hours. At max speed
     * quietloop finishes well within {@link #MAX_SPEED_RING_MS}; the naive baseline does not: it
     * sends one-event frames at the pace the pipeline takes them, a few thousand a second here even
     * with a healthy stub, so it is stopped at {@link #MAX_SPEED_NAIVE_MS}, long after its warm-up.
     */
    static long timeLimitMs(final IsolationPace pace, final String mode)
    {
        if (pace.paced())
        {
            return pace.ticks() * 1000 / pace.rate() + (RING.equals(mode) ? RING_PACED_MARGIN_MS : PACED_MARGIN_MS);
        }
        return DIRECT.equals(mode) ? MAX_SPEED_NAIVE_MS : MAX_SPEED_RING_MS;
    }

    /**
     * A run's {@code tickToPublish} samples, from the interval log its bot wrote (the warm-up's are
     * not in it); none for a run that left no log.
     */
    static Histogram tickToPublish(final Path reportDir)
    {
        final Path log = reportDir.resolve(Hop.TICK_TO_PUBLISH.logFile());
        return Files.isRegularFile(log) ? HopLatency.readLog(log) : Scenario.emptyHistogram();
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
        for (final Map.Entry<IsolationPace, Map<String, Map<Condition, Scenario>>> byPace : results.entrySet())
        {
            final IsolationPace pace = byPace.getKey();
            lines.add("### " + (pace.paced() ? "Fixed rate, " + pace.rate() + " ticks/s" : "Max speed"));
            lines.add("");
            lines.add(String.format(Locale.ROOT, "Each run replays %,d ticks, one event each; the first %,d are a " +
                "warm-up left out of the histograms; measured: the events timed after it, fewer where a run was " +
                "stopped at its time limit. A run stopped before its warm-up ended has nothing measured: its row " +
                "says how many ticks it replayed.", pace.ticks(), pace.warmupEvents()));
            lines.add("");
            lines.add("`tickToPublish` in µs over " + settings.isolationRepeats() + " runs: the samples of all of " +
                "them pooled in one histogram, and in brackets the lowest and highest of the runs' own figures. " +
                "The ratio is the pooled p99.9 over the healthy pooled p99.9 of the same mode in this bench run. " +
                "Measured is the pooled samples' count; the other counts are the median of the runs (lowest–highest). " +
                "A garbage " +
                "collection in the bot stops its trading thread whichever thread allocated: bot GCs counts them over " +
                "the whole run. Dropped at close: events handed to a socket that a process closed with them still queued " +
                "(its linger ran out), counted by no process but by the run's report (`losses`); balances: every " +
                "event delivered or counted by the process that last held it, in every repeat. Stolen: the ms the " +
                "hypervisor ran something else on the " + ("cpu".equals(stealLabel) ? "machine's CPUs" :
                "trading thread's CPU") + " during a run (`steal` in `/proc/stat`, counted in 10 ms ticks), which " +
                "stops the trading thread whatever the pipeline does.");
            lines.add("");
            lines.add("| mode | condition | measured, all runs | p50 | p99 | p99.9 | max | p99.9 / healthy | ring rejected | " +
                "delivered | dropped at close | bot GCs | balances | stolen, ms |");
            lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            for (final Map.Entry<String, Map<Condition, Scenario>> byMode : byPace.getValue().entrySet())
            {
                final Map<Condition, Scenario> conditions = byMode.getValue();
                final double healthy = conditions.get(Condition.HEALTHY).p999();
                for (final Map.Entry<Condition, Scenario> entry : conditions.entrySet())
                {
                    final Scenario scenario = entry.getValue();
                    final List<RunFigures> runs = scenario.runs();
                    lines.add(String.format(Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
                        modeName(byMode.getKey()), entry.getKey().title(),
                        scenario.measured() == 0 ? "none: stuck in the warm-up, " +
                            Spread.of(runs, r -> r.value(Accounting.BOT_TICKS)).plain() + " ticks replayed" :
                            String.format(Locale.ROOT, "%,d", scenario.measured()),
                        scenario.micros("p50"),
                        scenario.micros("p99"),
                        scenario.micros("p99_9"),
                        scenario.micros("max"),
                        ratio(scenario.p999() / healthy),
                        Spread.of(runs, r -> r.ringRejected()).plain(),
                        Spread.of(runs, r -> r.delivered()).plain(),
                        Spread.of(runs, RunFigures::dropped).plain(),
                        Spread.of(runs, r -> r.value(Accounting.BOT_GC_COUNT)).plain(),
                        runs.stream().allMatch(RunFigures::balances) ? "yes" : "NO",
                        scenario.stolen()));
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
    static List<String> goals(final Map<String, Map<Condition, Scenario>> byMode)
    {
        final double worstRing = worstRatio(byMode.get(RING));
        final String stuck = byMode.get(DIRECT).entrySet().stream()
            .filter(entry -> entry.getValue().measured() == 0)
            .map(entry -> entry.getKey().title()).collect(Collectors.joining(", "));
        return List.of(
            String.format(Locale.ROOT, "- quietloop: worst fault p99.9 / healthy p99.9 = **%s** (goal ≤ %.1f): %s",
                ratio(worstRing), GOAL_RATIO, worstRing <= GOAL_RATIO ? "met" : "**not met**"),
            String.format(Locale.ROOT, "- naive baseline: worst fault p99.9 / healthy p99.9 = **%.0f** " +
                "(expected: orders of magnitude)%s", worstRatio(measuredOnly(byMode.get(DIRECT))),
                stuck.isEmpty() ? "" : "; worse still, stuck in its warm-up: " + stuck));
    }

    /** The highest pooled p99.9 of a mode's conditions over its healthy one; NaN when either is missing. */
    private static double worstRatio(final Map<Condition, Scenario> conditions)
    {
        final Scenario healthyRuns = conditions.get(Condition.HEALTHY);
        if (null == healthyRuns)
        {
            return Double.NaN;
        }
        final double healthy = healthyRuns.p999();
        double worst = 0;
        for (final Scenario scenario : conditions.values())
        {
            worst = Math.max(worst, scenario.p999() / healthy);
        }
        return worst;
    }

    private static void plot(
        final Path png, final IsolationPace pace, final Map<String, Map<Condition, Scenario>> byMode)
        throws IOException
    {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        final CategoryChart chart = new CategoryChartBuilder().width(1000).height(560)
            .title("tickToPublish p99.9 per sidecar condition, " + pace.name() + " (all repeats pooled)")
            .xAxisTitle("condition").yAxisTitle("p99.9 (µs, log)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        // Bars start at zero, which a log axis cannot show: points joined by lines instead.
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setXAxisLabelRotation(10);
        for (final Map.Entry<String, Map<Condition, Scenario>> byCondition : byMode.entrySet())
        {
            final List<String> names = new ArrayList<>();
            final List<Double> values = new ArrayList<>();
            for (final Map.Entry<Condition, Scenario> entry : byCondition.getValue().entrySet())
            {
                final double p999 = entry.getValue().p999();
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

    private static Map<Condition, Scenario> measuredOnly(final Map<Condition, Scenario> conditions)
    {
        final Map<Condition, Scenario> measured = new EnumMap<>(Condition.class);
        conditions.forEach((condition, scenario) ->
        {
            if (scenario.measured() > 0)
            {
                measured.put(condition, scenario);
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

    /**
     * One scenario's repeats: each run's figures, and the {@code tickToPublish} samples of all of
     * them in one histogram. The verdict is the pooled p99.9: a handful of runs' own p99.9 spread
     * over the same range for the healthy and the faulted sidecar, so their median was decided by
     * whichever runs the machine disturbed, while the pooled one weighs every sample once.
     */
    static final class Scenario
    {
        private final List<RunFigures> runs = new ArrayList<>();
        private final List<Long> stolenMs = new ArrayList<>();
        private final Histogram pooled = emptyHistogram();

        /** An empty histogram with the recorders' precision, which grows to any value added to it. */
        static Histogram emptyHistogram()
        {
            final Histogram histogram = new Histogram(HopLatency.SIGNIFICANT_DIGITS);
            histogram.setAutoResize(true);
            return histogram;
        }

        /** @param stolenMs what the hypervisor took from the trading CPU during the run, -1 if unknown */
        void add(final RunFigures run, final Histogram tickToPublish, final long stolenMs)
        {
            runs.add(run);
            pooled.add(tickToPublish);
            this.stolenMs.add(stolenMs);
        }

        /** The ms stolen per run, median (lowest–highest); "-" where it is not known. */
        String stolen()
        {
            return stolenMs.contains(-1L) ? "-" : Spread.of(stolenMs, Long::doubleValue).plain();
        }

        List<RunFigures> runs()
        {
            return runs;
        }

        /** Samples over all the runs: 0 when every run was stopped in its warm-up. */
        long measured()
        {
            return pooled.getTotalCount();
        }

        /** The pooled p99.9 in ns; NaN when nothing was measured. */
        double p999()
        {
            return pooled("p99_9");
        }

        /** A figure of the summaries ({@code p50}, {@code p99}, {@code p99_9}, {@code max}), pooled; NaN when none. */
        private double pooled(final String figure)
        {
            if (measured() == 0)
            {
                return Double.NaN;
            }
            return switch (figure)
            {
                case "p50" -> pooled.getValueAtPercentile(50.0);
                case "p99" -> pooled.getValueAtPercentile(99.0);
                case "p99_9" -> pooled.getValueAtPercentile(99.9);
                case "max" -> pooled.getMaxValue();
                default -> throw new IllegalArgumentException("no pooled figure " + figure);
            };
        }

        /**
         * The pooled {@code figure} in µs, and in brackets the lowest and highest of the runs' own (from
         * their summaries), over the runs that measured anything.
         */
        String micros(final String figure)
        {
            final Spread perRun = Spread.of(
                runs.stream().filter(run -> run.hop("tickToPublish", "count") > 0).toList(),
                run -> run.hop("tickToPublish", figure));
            return perRun.microsBeside(pooled(figure));
        }
    }
}
