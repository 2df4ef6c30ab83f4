package dev.quietloop.perf.bench;

import java.util.List;

/**
 * How big each section runs. {@link #QUICK}: shorter replays and JMH runs; by default only the
 * isolation matrix at the fixed rate runs. Each pipeline run pays about 5 s of starting three JVMs
 * and draining, whatever its length: that, not the replays, is most of the quick suite's time.
 *
 * @param quick           the short suite: the isolation runs' smaller queues, fewer micro-benchmarks
 * @param repeats         runs of each throughput and fixed-rate latency scenario
 * @param isolationRepeats runs of each isolation scenario: their samples are pooled, and the verdict is
 *                        a ratio near 1 that needs more samples than an order-of-magnitude one
 * @param isolationPaces  the isolation matrix's paces, each with its replay and warm-up
 * @param stopMs          how long the broker stays stopped (SIGSTOP) mid-run
 * @param throughputTicks ticks of the throughput runs, one event each: enough that the first seconds,
 *                        while three JVMs compile the hot paths on the same two cores, do not decide the rate
 * @param latencyRates    the fixed event rates whose endToEnd latency is measured
 * @param latencySeconds  how long each fixed-rate run lasts after warm-up
 * @param jmhIterations   JMH warm-up and measurement iterations of one second each
 * @param cpuRepeats      pairs of runs, a long and a short one, of the CPU per event section, and of the raw baseline
 */
record BenchSettings(
    boolean quick,
    int repeats,
    int isolationRepeats,
    List<IsolationPace> isolationPaces,
    long stopMs,
    long throughputTicks,
    List<Integer> latencyRates,
    int latencySeconds,
    int jmhIterations,
    int cpuRepeats)
{
    static final BenchSettings QUICK = new BenchSettings(true, 3, 3,
        List.of(new IsolationPace("--rate=5000", 5_000, 300)), 1_000, 2_000_000, List.of(10_000, 100_000), 1, 1, 1);
    /**
     * The paced warm-up is short: shorter than what the queues hold (a few thousand one-event
     * frames with {@link Isolation#SMALL_BUFFERS}), so that the naive baseline gets past it before a
     * fault blocks it for good; a warm-up it never finished would leave its worst runs unmeasured.
     * At 5,000 ticks/s the p99.9 is milliseconds of scheduling, which the first JIT tiers do not move.
     * The max-speed runs replay far more ticks than the paced ones: at max speed 30,000 measured
     * ticks last about 10 ms, so their p99.9 (the 30 slowest) was whichever interrupt landed in them.
     * 450,000 measured ticks make it the 450 slowest, over a few hundred ms of trading.
     * Five isolation repeats: with three, the healthy and faulted runs' p99.9 spread over the same
     * range (at 5,000 ticks/s 1.9-3.4 ms against 1.9-3.5 ms), so a ratio of medians swung between
     * 0.9 and 1.5 from one bench run to the next.
     */
    static final BenchSettings FULL = new BenchSettings(false, 3, 5,
        List.of(new IsolationPace("--rate=5000", 40_000, 1_000), new IsolationPace("--speed=max", 500_000, 50_000)),
        2_000, 10_000_000, List.of(10_000, 100_000), 5, 2, 3);

    /**
     * One pace of the isolation matrix.
     *
     * @param flag        the bot's pacing flag, {@code --rate=N} or {@code --speed=max}
     * @param ticks       ticks each run replays, warm-up included
     * @param warmupEvents the first events (one per tick) whose samples are left out of the histograms
     */
    record IsolationPace(String flag, long ticks, long warmupEvents)
    {
        boolean paced()
        {
            return flag.startsWith("--rate=");
        }

        /** Ticks per second of a paced run. */
        long rate()
        {
            return Long.parseLong(flag.substring("--rate=".length()));
        }

        /** The pace in run ids and file names: {@code rate-5000} or {@code max-speed}. */
        String name()
        {
            return paced() ? "rate-" + rate() : "max-speed";
        }
    }
}
