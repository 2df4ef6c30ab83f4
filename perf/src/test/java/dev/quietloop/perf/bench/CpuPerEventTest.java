package dev.quietloop.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class CpuPerEventTest
{
    private static RunFigures run(final long ticks, final long delivered, final long botMs, final long brokerMs,
        final long sidecarMs)
    {
        final Map<String, Long> summary = new TreeMap<>();
        summary.put("bot.ticks", ticks);
        summary.put("bot.eventsProduced", ticks);
        summary.put("bot.ringRejected", ticks - delivered);
        summary.put("sidecar.eventsReceived", delivered);
        summary.put("bot.cpuMs", botMs);
        summary.put("broker.cpuMs", brokerMs);
        summary.put("sidecar.cpuMs", sidecarMs);
        summary.put("run.exitCode", 0L);
        return new RunFigures(summary);
    }

    private static RawJeromqRun.Result raw(final long messages, final long receiverCpuNs, final long senderCpuNs)
    {
        return new RawJeromqRun.Result(messages, 1_000_000, receiverCpuNs, senderCpuNs);
    }

    @Test
    void shouldBeRegisteredAsABenchSection()
    {
        assertTrue(BenchMain.SECTIONS.contains("cpu"), BenchMain.SECTIONS.toString());
        assertEquals(3, BenchSettings.FULL.cpuRepeats());
        assertTrue(BenchSettings.QUICK.cpuRepeats() < BenchSettings.FULL.cpuRepeats());
    }

    @Test
    void shouldTakeTheCpuOfTheExtraEventsOverTheExtraEventsDelivered()
    {
        // 1,900 ms more over 1,900,000 more events: 1,000 ns each.
        assertEquals(1_000, CpuPerEvent.marginalNs(4_000_000_000L, 2_000_000, 2_100_000_000L, 100_000, true), 1e-9);
        assertEquals(Double.NaN, CpuPerEvent.marginalNs(4_000_000_000L, 100_000, 2_100_000_000L, 100_000, true),
            "no more delivered by the long run: no figure");
        assertEquals(Double.NaN, CpuPerEvent.marginalNs(4_000_000_000L, 2_000_000, 2_100_000_000L, 100_000, false),
            "a CPU time not known: no figure");
    }

    @Test
    void shouldSumTheThreeProcessesAndTellEachApart()
    {
        final CpuPerEvent.Repeat repeat = new CpuPerEvent.Repeat(
            run(2_000_000, 1_100_000, 3_000, 1_500, 1_000), run(100_000, 100_000, 2_000, 1_000, 900));

        // (5,500 - 3,900) ms over (1,100,000 - 100,000) events delivered.
        assertEquals(1_600, repeat.nsPerEvent(), 1e-9);
        assertEquals(1_000, repeat.nsPerEvent("bot.cpuMs"), 1e-9);
        assertEquals(500, repeat.nsPerEvent("broker.cpuMs"), 1e-9);
        assertEquals(100, repeat.nsPerEvent("sidecar.cpuMs"), 1e-9);
        // ... over (2,000,000 - 100,000) ticks replayed.
        assertEquals(1_600e6 / 1_900_000, repeat.nsPerTick(), 1e-9);
    }

    @Test
    void shouldGiveNoFigureForARunWithAProcessesCpuMissing()
    {
        final RunFigures external = run(2_000_000, 1_100_000, 3_000, 1_500, 1_000);
        external.summary().remove("sidecar.cpuMs");

        final CpuPerEvent.Repeat repeat = new CpuPerEvent.Repeat(external, run(100_000, 100_000, 2_000, 1_000, 900));

        assertEquals(-1, external.cpuMs());
        assertEquals(Double.NaN, repeat.nsPerEvent());
        assertEquals(Double.NaN, repeat.nsPerEvent("sidecar.cpuMs"));
        assertEquals(1_000, repeat.nsPerEvent("bot.cpuMs"), 1e-9);
    }

    @Test
    void shouldTakeRawJeromqsCpuPerMessageFromBothProcesses()
    {
        // (2,400 + 1,900 - 400 - 200) ms over 1,900,000 more messages.
        final CpuPerEvent.RawRepeat repeat = new CpuPerEvent.RawRepeat(
            raw(2_000_000, 2_400_000_000L, 1_900_000_000L), raw(100_000, 400_000_000L, 200_000_000L));

        assertEquals(3_700e6 / 1_900_000, repeat.nsPerMessage(), 1e-9);
        assertEquals(Double.NaN, new CpuPerEvent.RawRepeat(
            raw(2_000_000, 2_400_000_000L, -1), raw(100_000, 400_000_000L, 200_000_000L)).nsPerMessage());
    }

    @Test
    void shouldReportTheMedianOfTheRepeatsTheRatioToRawJeromqAndTheGoalOnTheRingThatRefusesNothing()
    {
        final List<CpuPerEvent.Repeat> wholeRing = List.of(
            new CpuPerEvent.Repeat(run(2_000_000, 2_000_000, 3_900, 1_500, 1_000), run(100_000, 100_000, 2_000, 1_000, 900)),
            new CpuPerEvent.Repeat(run(2_000_000, 2_000_000, 2_900, 1_500, 1_000), run(100_000, 100_000, 2_000, 1_000, 900)),
            new CpuPerEvent.Repeat(run(2_000_000, 2_000_000, 4_100, 1_500, 1_000), run(100_000, 100_000, 2_000, 1_000, 900)));
        final List<CpuPerEvent.Repeat> defaultRing = List.of(
            new CpuPerEvent.Repeat(run(2_000_000, 1_100_000, 3_000, 1_500, 1_000), run(100_000, 100_000, 2_000, 1_000, 900)));
        final List<CpuPerEvent.RawRepeat> raw = List.of(
            new CpuPerEvent.RawRepeat(raw(2_000_000, 500_000_000L, 500_000_000L), raw(100_000, 25_000_000L, 25_000_000L)));

        final List<String> lines = CpuPerEvent.report(defaultRing, wholeRing, raw);
        final String text = String.join("\n", lines);

        // Whole ring, per event: 2,500, 1,500 and 2,700 ms over 1,900,000 more events; raw JeroMQ 950 ms over 1,900,000 messages, 500 ns.
        assertTrue(lines.contains("| quietloop, all three processes, per event delivered, whole-replay ring (nothing " +
            "refused) | 1,316 (789–1,421) |"), text);
        assertTrue(lines.contains("| - bot | 1,000 (474–1,105) |"), text);
        assertTrue(lines.contains("| quietloop, all three processes, per event delivered, default ring (most refused) | " +
            "1,600 (1,600–1,600) |"), text);
        assertTrue(lines.contains("| raw JeroMQ, both processes, per message | 500 (500–500) |"), text);
        assertTrue(lines.contains("- quietloop per event delivered / raw JeroMQ per message = **2.63×**"), text);
        assertTrue(lines.contains("- Goal: 300 ns or less per event delivered: **not met** (1,316 ns)"), text);
        assertTrue(lines.contains("| 1 | default | 2,000,000 | 1,100,000 | 900,000 | 3,000 | 1,500 | 1,000 | 5,500 | 0 |"), text);
        assertTrue(lines.contains("| 3 | 2,097,152 | 2,000,000 | 2,000,000 | 0 | 4,100 | 1,500 | 1,000 | 6,600 | 0 |"), text);
    }

    @Test
    void shouldGiveTheWholeReplayRingRoomForEveryTickOfTheLongRunAsAPowerOfTwo()
    {
        assertTrue(CpuPerEvent.WHOLE_REPLAY_RING >= CpuPerEvent.LONG_TICKS);
        assertEquals(0, CpuPerEvent.WHOLE_REPLAY_RING & (CpuPerEvent.WHOLE_REPLAY_RING - 1));
        assertTrue(CpuPerEvent.WHOLE_REPLAY_RING / 2 < CpuPerEvent.LONG_TICKS, "the smallest such");
    }
}
