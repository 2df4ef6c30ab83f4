package dev.quietloop.perf.bench;

import java.util.List;

/**
 * How big each section runs. {@link #QUICK}: shorter replays and JMH runs; by default only the
 * isolation matrix at the fixed rate runs. Each pipeline run pays about 5 s of starting three JVMs
 * and draining, whatever its length: that, not the replays, is most of the quick suite's time.
 *
 * @param quick           the short suite: the isolation runs' smaller queues, fewer micro-benchmarks
 * @param isolationTicks  ticks per isolation run, warm-up included
 * @param warmupTicks     ticks replayed before the histograms are reset
 * @param stopMs          how long the broker stays stopped (SIGSTOP) mid-run
 * @param throughputTicks ticks of the throughput runs, one event each
 * @param latencyRates    the fixed event rates whose endToEnd latency is measured
 * @param latencySeconds  how long each fixed-rate run lasts after warm-up
 * @param jmhIterations   JMH warm-up and measurement iterations of one second each
 */
record BenchSettings(
    boolean quick,
    int repeats,
    List<String> isolationPaces,
    long isolationTicks,
    long warmupTicks,
    long stopMs,
    long throughputTicks,
    List<Integer> latencyRates,
    int latencySeconds,
    int jmhIterations)
{
    static final BenchSettings QUICK = new BenchSettings(true, 3, List.of("--rate=5000"), 5_000, 1_500, 1_000,
        500_000, List.of(10_000, 100_000), 1, 1);
    static final BenchSettings FULL = new BenchSettings(false, 3, List.of("--rate=5000", "--speed=max"), 40_000,
        10_000, 2_000, 2_000_000, List.of(10_000, 100_000), 5, 2);
}
