package dev.quietloop.perf.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.quietloop.perf.bench.BenchSettings.IsolationPace;
import dev.quietloop.protocol.account.Accounting;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * Section 1 of {@code RESULTS.md}: per pace, a table of every mode and condition's pooled
 * {@code tickToPublish} and counts, the goal lines, and a plot of the p99.9s.
 */
final class IsolationReport
{
    private final int repeats;
    /** The {@code /proc/stat} line the runs' stolen time was read from. */
    private final String stealLabel;

    IsolationReport(final int repeats, final String stealLabel)
    {
        this.repeats = repeats;
        this.stealLabel = stealLabel;
    }

    /** The tables, the goal check and the plot of every pace, as Markdown. */
    List<String> lines(
        final Map<IsolationPace, Map<String, Map<Condition, Scenario>>> results, final Path resultsDir)
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
            lines.add("`tickToPublish` in µs over " + repeats + " runs: the samples of all of " +
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
        final double worstRing = worstRatio(byMode.get(Isolation.RING));
        final String stuck = byMode.get(Isolation.DIRECT).entrySet().stream()
            .filter(entry -> entry.getValue().measured() == 0)
            .map(entry -> entry.getKey().title()).collect(Collectors.joining(", "));
        return List.of(
            String.format(Locale.ROOT, "- quietloop: worst fault p99.9 / healthy p99.9 = **%s** (goal ≤ %.1f): %s",
                ratio(worstRing), Isolation.GOAL_RATIO, worstRing <= Isolation.GOAL_RATIO ? "met" : "**not met**"),
            String.format(Locale.ROOT, "- naive baseline: worst fault p99.9 / healthy p99.9 = **%.0f** " +
                "(expected: orders of magnitude)%s", worstRatio(measuredOnly(byMode.get(Isolation.DIRECT))),
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
        return Isolation.RING.equals(mode) ? "quietloop" : "naive";
    }
}
