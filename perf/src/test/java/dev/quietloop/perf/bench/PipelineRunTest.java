package dev.quietloop.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class PipelineRunTest
{
    private final PipelineRun runner =
        new PipelineRun(Path.of("/q"), Path.of("/q/config/jvm.options"), Path.of("/q/reports"), Path.of("/q/c"));

    private static PipelineRun.Spec spec(final Condition condition, final String mode, final long warmup)
    {
        return new PipelineRun.Spec("run-1", Path.of("/q/data.csv"), "--rate=5000", mode,
            condition, 0, 0, warmup, 10_000, List.of("--hwm", "100"));
    }

    @Test
    void shouldLaunchTheStubAndWarmUpBothEndsForAHealthyRun()
    {
        final List<String> command = runner.command(spec(Condition.HEALTHY, Isolation.RING, 500), 4321);

        assertTrue(command.contains("--launch-stub"), command.toString());
        assertTrue(command.contains("--bot-arg=--warmup-events=500"), command.toString());
        assertTrue(command.contains("--stub-arg=--warmup-events=500"), command.toString());
        assertTrue(command.contains("--bot-arg=--send-mode=ring"), command.toString());
        assertTrue(command.contains("--bot-arg=--rate=5000"), command.toString());
        assertTrue(command.contains("--bot-arg=--strategy=tick-signal"), command.toString());
        assertTrue(command.containsAll(List.of("--hwm", "100")), command.toString());
    }

    @Test
    void shouldRunAsAUserDoesWithTheDataAndTheStrategyAloneBesideWhereTheReportGoes()
    {
        final List<String> command = runner.userCommand("cpu-1", Path.of("/q/data.csv"));

        final int main = command.indexOf("dev.quietloop.broker.BrokerMain");
        assertEquals(List.of("--launch-bot", "--data", "/q/data.csv", "--launch-stub", "--reports", "/q/reports",
            "--jvm-options", "/q/config/jvm.options", "--bot-arg=--strategy=tick-signal", "--run-id", "cpu-1"),
            command.subList(main + 1, command.size()), "bin/run-bot.sh's own flags, then --data, --strategy and " +
            "--run-id: no pace, ring, idle, pinning, drain or warm-up flag");
        assertEquals(List.of("--bot-arg=--strategy=tick-signal", "--bot-arg=--ring-size=8", "--run-id", "cpu-2"),
            command(runner.userCommand("cpu-2", Path.of("/q/data.csv"), "--ring-size=8"), 4));
    }

    private static List<String> command(final List<String> command, final int last)
    {
        return command.subList(command.size() - last, command.size());
    }

    @Test
    void shouldPointADeadRunAtAnUnusedPortWithNoStub()
    {
        final List<String> command = runner.command(spec(Condition.DEAD, Isolation.DIRECT, 500), 4321);

        assertFalse(command.contains("--launch-stub"), command.toString());
        assertTrue(command.contains("tcp://127.0.0.1:4321"), command.toString());
        assertFalse(command.contains("--stub-arg=--warmup-events=500"), command.toString());
        assertTrue(command.contains("--bot-arg=--send-mode=direct"), command.toString());
    }

    @Test
    void shouldMakeTheSlowAndStalledStubsWithItsFaultFlags()
    {
        assertTrue(runner.command(spec(Condition.SLOW, Isolation.RING, 0), 1).contains("--stub-arg=--delay-us=200"));
        assertTrue(runner.command(spec(Condition.STALLED, Isolation.RING, 0), 1).contains("--stub-arg=--stall-after=1"));
        assertFalse(runner.command(spec(Condition.HEALTHY, Isolation.RING, 0), 1).stream()
            .anyMatch(arg -> arg.contains("warmup")), "no warm-up asked for");
    }
}
