package dev.quietloop.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        assertEquals(1_500 + 1 + (5_000 - 1_500) / 4, spec.stopAtTicks(), "a quarter into the measured ticks");
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
}
