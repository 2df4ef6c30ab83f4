package dev.quietloop.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolationTest
{
    private static final PipelineRun RUNNER =
        new PipelineRun(Path.of("/q"), Path.of("/q/config/jvm.options"), Path.of("/q/reports"), Path.of("/q/c"));
    private static final List<String> PINNING = List.of("--cpus", "0", "--bot-arg=--trading-cpu=1");

    @Test
    void shouldGiveTheQuickSuiteItsSmallerQueuesThenThePinning()
    {
        final PipelineRun.Spec spec = new Isolation(RUNNER, BenchSettings.QUICK, PINNING, 1)
            .spec(Path.of("/q/data.csv"), BenchSettings.QUICK.isolationPaces().get(0), Isolation.RING, Condition.SLOW, 2);

        final List<String> expected = new ArrayList<>(Isolation.QUICK_BUFFERS);
        expected.addAll(PINNING);
        assertEquals(expected, spec.extraArgs());
        assertEquals("isolation-rate-5000-ring-slow-2", spec.runId());
        assertEquals(300 + 1 + (5_000 - 300) / 4, spec.stopAtTicks(), "a quarter into the measured ticks");
        assertEquals(1_000 + Isolation.RING_PACED_MARGIN_MS, spec.stopAfterMs(), "the replay's second and a drain");
        assertEquals(1_000 + Isolation.PACED_MARGIN_MS, Isolation.timeLimitMs(BenchSettings.QUICK.isolationPaces().get(0),
            Isolation.DIRECT), "the naive baseline is cut sooner: behind a fault it would take hours");
    }

    @Test
    void shouldGiveTheFullSuiteTheSmallBuffersAndStopAMaxSpeedRunRightAfterItsWarmUp()
    {
        final BenchSettings.IsolationPace maxSpeed = BenchSettings.FULL.isolationPaces().get(1);
        final PipelineRun.Spec spec = new Isolation(RUNNER, BenchSettings.FULL, List.of(), -1)
            .spec(Path.of("/q/data.csv"), maxSpeed, Isolation.DIRECT, Condition.BROKER_STOPPED, 1);

        assertEquals("--speed=max", spec.pace());
        assertEquals(Isolation.SMALL_BUFFERS, spec.extraArgs());
        assertEquals("isolation-max-speed-direct-broker_stopped-1", spec.runId());
        assertEquals(maxSpeed.warmupEvents(), spec.warmupEvents());
        assertEquals(maxSpeed.warmupEvents() + 1, spec.stopAtTicks());
        assertEquals(Isolation.MAX_SPEED_NAIVE_MS, spec.stopAfterMs(), "the naive baseline does not finish at max speed");
        assertEquals(Isolation.MAX_SPEED_RING_MS, Isolation.timeLimitMs(maxSpeed, Isolation.RING));
        assertEquals(Path.of("/q/isolation-max-speed.csv"), Isolation.data(Path.of("/q"), maxSpeed));
    }

    @Test
    void shouldJudgeQuietloopOnMeasuredRunsAndNameANaiveFaultStuckInItsWarmUp()
    {
        final Map<Condition, Scenario> ring = new EnumMap<>(Condition.class);
        ring.put(Condition.HEALTHY, scenario(2_000_000));
        ring.put(Condition.SLOW, scenario(2_300_000));
        final Map<Condition, Scenario> naive = new EnumMap<>(Condition.class);
        naive.put(Condition.HEALTHY, scenario(3_000_000));
        naive.put(Condition.SLOW, scenario(3_000_000_000L));
        naive.put(Condition.STALLED, scenario());

        final List<String> goals = IsolationReport.goals(byMode(ring, naive));

        assertEquals("- quietloop: worst fault p99.9 / healthy p99.9 = **1.15** (goal ≤ 1.2): met", goals.get(0));
        assertEquals("- naive baseline: worst fault p99.9 / healthy p99.9 = **1000** (expected: orders of magnitude); " +
            "worse still, stuck in its warm-up: " + Condition.STALLED.title(), goals.get(1));
    }

    @Test
    void shouldNotMeetQuietloopsGoalWhenAFaultMeasuredNothing()
    {
        final Map<Condition, Scenario> ring = new EnumMap<>(Condition.class);
        ring.put(Condition.HEALTHY, scenario(2_000_000));
        ring.put(Condition.DEAD, scenario());

        assertTrue(IsolationReport.goals(byMode(ring, ring)).get(0).endsWith("= **-** (goal ≤ 1.2): **not met**"));
    }

    @Test
    void shouldJudgeOnThePooledSamplesNotOnTheMedianOfTheRuns()
    {
        // Healthy: three quiet runs. Slow: two quiet runs and one disturbed (10 of 1,000 samples at
        // 5 ms). The median run says 1 ms for both; the pooled p99.9 weighs the disturbed samples.
        final Scenario healthy = new Scenario();
        healthy.add(run(1_000, 1_000_000), samples(1_000, 1_000_000, 0, 0), 0);
        healthy.add(run(1_000, 1_000_000), samples(1_000, 1_000_000, 0, 0), 0);
        healthy.add(run(1_000, 1_000_000), samples(1_000, 1_000_000, 0, 0), 0);
        final Scenario slow = new Scenario();
        slow.add(run(1_000, 1_000_000), samples(1_000, 1_000_000, 0, 0), 0);
        slow.add(run(1_000, 5_000_000), samples(990, 1_000_000, 10, 5_000_000), 20);
        slow.add(run(1_000, 1_000_000), samples(1_000, 1_000_000, 0, 0), 0);
        slow.add(run(0, -1), samples(0, 0, 0, 0), 0);

        assertEquals(3_000, slow.measured(), "the run stopped in its warm-up adds nothing");
        assertEquals(5_000_000, slow.p999(), 5_000_000 * 0.001, "the 3 slowest of 3,000 are disturbed ones");
        assertEquals("5001 (1000–5000)", slow.micros("p99_9"),
            "pooled (the histogram's 5 ms bucket), then the range of the measured runs' own p99.9");
        assertEquals("0 (0–20)", slow.stolen(), "ms stolen from the trading CPU per run");

        final Map<Condition, Scenario> ring = new EnumMap<>(Condition.class);
        ring.put(Condition.HEALTHY, healthy);
        ring.put(Condition.SLOW, slow);
        assertTrue(IsolationReport.goals(byMode(ring, ring)).get(0).contains("= **5.00** (goal ≤ 1.2): **not met**"));
    }

    @Test
    void shouldSayStolenTimeIsUnknownWhenAnyRunCouldNotReadIt()
    {
        final Scenario scenario = new Scenario();
        scenario.add(run(1_000, 1_000_000), samples(1_000, 1_000_000, 0, 0), 10);
        scenario.add(run(1_000, 1_000_000), samples(1_000, 1_000_000, 0, 0), -1);

        assertEquals("-", scenario.stolen());
    }

    @Test
    void shouldReadARunsTickToPublishSamplesFromItsLogAndNoneWithoutOne(@TempDir final Path reportDir)
    {
        final HopLatency hop = HopLatency.of(Hop.TICK_TO_PUBLISH, true, 2);
        for (long sequence = 1; sequence <= 5; sequence++)
        {
            hop.recordEvent(sequence, 0, sequence * 1_000);
        }
        hop.writeFiles(reportDir, 0);

        assertEquals(3, Isolation.tickToPublish(reportDir).getTotalCount(), "five events less a warm-up of two");
        assertEquals(0, Isolation.tickToPublish(reportDir.resolve("missing")).getTotalCount());
        assertTrue(Files.isRegularFile(reportDir.resolve(Hop.TICK_TO_PUBLISH.logFile())));
    }

    private static Map<String, Map<Condition, Scenario>> byMode(
        final Map<Condition, Scenario> ring, final Map<Condition, Scenario> naive)
    {
        final Map<String, Map<Condition, Scenario>> byMode = new LinkedHashMap<>();
        byMode.put(Isolation.RING, ring);
        byMode.put(Isolation.DIRECT, naive);
        return byMode;
    }

    /** A scenario of one run whose every sample is {@code p999Ns}, or of one that measured nothing. */
    private static Scenario scenario(final long... p999Ns)
    {
        final Scenario scenario = new Scenario();
        final long p999 = p999Ns.length == 0 ? 0 : p999Ns[0];
        scenario.add(run(p999Ns.length * 1_000L, p999Ns.length == 0 ? -1 : p999), samples(p999Ns.length * 1_000, p999, 0, 0), 0);
        return scenario;
    }

    private static Histogram samples(final int count, final long valueNs, final int slowCount, final long slowNs)
    {
        final Histogram histogram = Scenario.emptyHistogram();
        if (count > 0)
        {
            histogram.recordValueWithCount(valueNs, count);
        }
        if (slowCount > 0)
        {
            histogram.recordValueWithCount(slowNs, slowCount);
        }
        return histogram;
    }

    /** A run's summary as the table reads it: its measured count and its own p99.9. */
    private static RunFigures run(final long measured, final long p999Ns)
    {
        return new RunFigures(Map.of("latencyNs.tickToPublish.count", measured, "latencyNs.tickToPublish.p99_9", p999Ns));
    }
}
