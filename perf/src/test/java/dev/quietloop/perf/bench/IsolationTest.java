package dev.quietloop.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IsolationTest
{
    private static final PipelineRun RUNNER =
        new PipelineRun(Path.of("/q"), Path.of("/q/config/jvm.options"), Path.of("/q/reports"), Path.of("/q/c"));
    private static final List<String> PINNING = List.of("--cpus", "0", "--bot-arg=--trading-cpu=1");

    @Test
    void shouldGiveTheQuickSuiteItsSmallerQueuesThenThePinning()
    {
        final PipelineRun.Spec spec = new Isolation(RUNNER, BenchSettings.QUICK, PINNING)
            .spec(Path.of("/q/data.csv"), BenchSettings.QUICK.isolationPaces().get(0), Isolation.RING, Condition.SLOW, 2);

        final List<String> expected = new ArrayList<>(Isolation.QUICK_BUFFERS);
        expected.addAll(PINNING);
        assertEquals(expected, spec.extraArgs());
        assertEquals("isolation-rate-5000-ring-slow-2", spec.runId());
        assertEquals(300 + 1 + (5_000 - 300) / 4, spec.stopAtTicks(), "a quarter into the measured ticks");
        assertEquals(1_000 + Isolation.PACED_MARGIN_MS, spec.stopAfterMs(), "the replay's second and some");
    }

    @Test
    void shouldGiveTheFullSuiteTheSmallBuffersAndStopAMaxSpeedRunRightAfterItsWarmUp()
    {
        final BenchSettings.IsolationPace maxSpeed = BenchSettings.FULL.isolationPaces().get(1);
        final PipelineRun.Spec spec = new Isolation(RUNNER, BenchSettings.FULL, List.of())
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
        final Map<Condition, List<RunFigures>> ring = new EnumMap<>(Condition.class);
        ring.put(Condition.HEALTHY, List.of(run(1_000, 2_000_000)));
        ring.put(Condition.SLOW, List.of(run(1_000, 2_300_000)));
        final Map<Condition, List<RunFigures>> naive = new EnumMap<>(Condition.class);
        naive.put(Condition.HEALTHY, List.of(run(1_000, 3_000_000)));
        naive.put(Condition.SLOW, List.of(run(1_000, 3_000_000_000L)));
        naive.put(Condition.STALLED, List.of(run(0, 0)));

        final List<String> goals = Isolation.goals(byMode(ring, naive));

        assertEquals("- quietloop: worst fault p99.9 / healthy p99.9 = **1.15** (goal ≤ 1.2): met", goals.get(0));
        assertEquals("- naive baseline: worst fault p99.9 / healthy p99.9 = **1000** (expected: orders of magnitude); " +
            "worse still, stuck in its warm-up: " + Condition.STALLED.title(), goals.get(1));
    }

    @Test
    void shouldNotMeetQuietloopsGoalWhenAFaultMeasuredNothing()
    {
        final Map<Condition, List<RunFigures>> ring = new EnumMap<>(Condition.class);
        ring.put(Condition.HEALTHY, List.of(run(1_000, 2_000_000)));
        ring.put(Condition.DEAD, List.of(run(0, 0)));

        assertTrue(Isolation.goals(byMode(ring, ring)).get(0).endsWith("= **-** (goal ≤ 1.2): **not met**"));
    }

    private static Map<String, Map<Condition, List<RunFigures>>> byMode(
        final Map<Condition, List<RunFigures>> ring, final Map<Condition, List<RunFigures>> naive)
    {
        final Map<String, Map<Condition, List<RunFigures>>> byMode = new LinkedHashMap<>();
        byMode.put(Isolation.RING, ring);
        byMode.put(Isolation.DIRECT, naive);
        return byMode;
    }

    private static RunFigures run(final long measured, final long p999Ns)
    {
        return new RunFigures(Map.of("latencyNs.tickToPublish.count", measured, "latencyNs.tickToPublish.p99_9", p999Ns));
    }
}
