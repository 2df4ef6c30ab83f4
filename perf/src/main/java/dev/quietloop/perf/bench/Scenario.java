package dev.quietloop.perf.bench;

import java.util.ArrayList;
import java.util.List;

import dev.quietloop.protocol.latency.HopLatency;
import org.HdrHistogram.Histogram;

/**
 * One scenario's repeats: each run's figures, and the {@code tickToPublish} samples of all of
 * them in one histogram. The verdict is the pooled p99.9: a handful of runs' own p99.9 spread
 * over the same range for the healthy and the faulted sidecar, so their median was decided by
 * whichever runs the machine disturbed, while the pooled one weighs every sample once.
 */
final class Scenario
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
