package dev.quietloop.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.quietloop.perf.bench.MicroBenchmarks.Measured;
import org.junit.jupiter.api.Test;

class MicroBenchmarksTest
{
    private static final String OFF = "drainerIdle=backoff, timeHops=false";
    private static final String ON = "drainerIdle=backoff, timeHops=true";

    @Test
    void shouldJudgeTheRingPublishByItsOwnP50TheClockFloorOfTheSameParametersTakenOff()
    {
        final List<String> goals = MicroBenchmarks.goals(List.of(
            new Measured("RingPublishBenchmark.publishSignal", OFF, 61, 0.03),
            new Measured("RingPublishBenchmark.timerFloor", OFF, 30, 0.0),
            new Measured("RingPublishBenchmark.publishSignal", ON, 140, 0.03),
            new Measured("RingPublishBenchmark.timerFloor", ON, 40, 0.0)));

        assertEquals(3, goals.size(), goals.toString());
        assertTrue(goals.get(1).contains("= **31.00 ns** (goal ≤ 50 ns): met"), goals.get(1));
        assertTrue(goals.get(2).contains("= **100 ns**, two clock reads"), goals.get(2));
    }

    @Test
    void shouldNotMeetTheRingPublishGoalWhenItsOwnP50IsAboveFifty()
    {
        final List<String> goals = MicroBenchmarks.goals(List.of(
            new Measured("RingPublishBenchmark.publishSignal", OFF, 90, 0.03),
            new Measured("RingPublishBenchmark.timerFloor", OFF, 30, 0.0)));

        assertTrue(goals.get(1).contains("= **60.00 ns** (goal ≤ 50 ns): **not met**"), goals.get(1));
    }

    @Test
    void shouldNameEveryBenchmarkThatAllocatesAByteOrMorePerCall()
    {
        final List<String> met = MicroBenchmarks.goals(List.of(
            new Measured("CodecBenchmark.encodeOneEvent", "eventType=signal", Double.NaN, 0.0),
            new Measured("RingPublishBenchmark.timerFloor", OFF, 30, 0.9)));
        final List<String> notMet = MicroBenchmarks.goals(List.of(
            new Measured("CodecBenchmark.encodeOneEvent", "eventType=signal", Double.NaN, 16.0),
            new Measured("RecorderBenchmark.recordValue", "", Double.NaN, 0.0),
            new Measured("ParseBenchmark.replayFile", "format=quietloop", Double.NaN, 1.0)));
        final List<String> unknown = MicroBenchmarks.goals(List.of(
            new Measured("RecorderBenchmark.recordValue", "", Double.NaN, 0.0),
            new Measured("ParseBenchmark.replayFile", "format=quietloop", Double.NaN, Double.NaN)));

        assertTrue(met.get(0).contains("under 1.00 B/op: **met**"), met.get(0));
        assertTrue(notMet.get(0).contains(
            "**not met** by CodecBenchmark.encodeOneEvent (eventType=signal), ParseBenchmark.replayFile " +
                "(format=quietloop)"), notMet.get(0));
        assertTrue(unknown.get(0).contains("**not shown**: no `-prof gc` figure for ParseBenchmark.replayFile"),
            unknown.get(0));
    }

    @Test
    void shouldNotJudgeARingPublishWithoutItsClockFloor()
    {
        final List<String> goals = MicroBenchmarks.goals(List.of(
            new Measured("RingPublishBenchmark.publishSignal", OFF, 40, 0.03)));

        assertTrue(goals.get(1).contains("**not shown**"), goals.get(1));
    }
}
