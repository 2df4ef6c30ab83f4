package dev.quietloop.broker;

import java.util.BitSet;
import java.util.List;

import dev.quietloop.protocol.process.CpuAffinity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default layout: given the CPUs allowed and the flags, what each process gets. */
class CpuLayoutTest
{
    private static final List<String> NO_ARGS = List.of();

    @Test
    void shouldGiveTheTradingThreadTheLastCpuAndEverythingElseTheRestOnTwoCpus()
    {
        final CpuLayout layout = CpuLayout.decide(true, 1, null, NO_ARGS, cpus("0-1"), true);

        assertTrue(layout.pinned());
        assertEquals("1", layout.tradingCpu());
        assertEquals("0", layout.otherCpus());
        assertEquals("pinned: trading thread on CPU 1; everything else on CPU 0 (--no-pin: off)", layout.note());
    }

    @Test
    void shouldTakeTheLastAllowedCpuOfAnUnevenSet()
    {
        final CpuLayout layout = CpuLayout.decide(true, 1, null, List.of("--rate=5"), cpus("2,4-6,9"), true);

        assertEquals("9", layout.tradingCpu());
        assertEquals("2,4-6", layout.otherCpus());
    }

    @Test
    void shouldNotPinWithOneCpuAndSaySo()
    {
        final CpuLayout layout = CpuLayout.decide(true, 1, null, NO_ARGS, cpus("3"), true);

        assertFalse(layout.pinned());
        assertNull(layout.otherCpus());
        assertEquals("not pinned: 1 CPU allowed (3), the trading thread shares it", layout.note());
    }

    @Test
    void shouldNotPinWhereThreadsCannotBePinnedAndSaySo()
    {
        assertFalse(CpuLayout.decide(true, 1, null, NO_ARGS, null, true).pinned());
        final CpuLayout noTaskset = CpuLayout.decide(true, 1, null, NO_ARGS, cpus("0-1"), false);

        assertFalse(noTaskset.pinned());
        assertTrue(noTaskset.note().startsWith("not pinned: "), noTaskset.note());
    }

    @Test
    void shouldLeaveEveryThreadToTheSystemSilentlyWithNoPin()
    {
        assertEquals(CpuLayout.NONE, CpuLayout.decide(false, 1, null, NO_ARGS, cpus("0-1"), true));
    }

    @Test
    void shouldLetAnyCpuFlagTheUserGaveWin()
    {
        assertEquals(CpuLayout.NONE, CpuLayout.decide(true, 1, "0", NO_ARGS, cpus("0-1"), true), "broker --cpus");
        assertEquals(CpuLayout.NONE, CpuLayout.decide(true, 1, null, List.of("--trading-cpu=1"), cpus("0-1"), true));
        assertEquals(CpuLayout.NONE, CpuLayout.decide(true, 1, null, List.of("--cpus", "0"), cpus("0-1"), true));
    }

    @Test
    void shouldNotPinWithoutALaunchedBot()
    {
        assertEquals(CpuLayout.NONE, CpuLayout.decide(true, 0, null, NO_ARGS, cpus("0-1"), true),
            "no trading thread of its own to isolate: bots started apart choose their own CPUs");
    }

    private static BitSet cpus(final String list)
    {
        return CpuAffinity.parse("test", list);
    }

    @Test
    void shouldGiveEachOfSeveralBotsATradingCpuOfItsOwnWhenThereAreEnough()
    {
        final CpuLayout layout = CpuLayout.decide(true, 3, null, NO_ARGS, cpus("0-5"), true);

        assertEquals("5,4,3", layout.tradingCpu());
        assertEquals("4", layout.tradingCpu(1));
        assertEquals("0-2", layout.otherCpus());
        assertFalse(layout.tradingBacksOff());
        assertEquals("pinned: trading threads on CPUs 5,4,3; everything else on CPU 0-2 (--no-pin: off)", layout.note());
    }

    @Test
    void shouldPinNothingAndBackOffWhenSeveralBotsOutnumberTheCpusAndSaySo()
    {
        final CpuLayout layout = CpuLayout.decide(true, 4, null, NO_ARGS, cpus("0-1"), true);

        assertFalse(layout.pinned());
        assertTrue(layout.tradingBacksOff());
        assertEquals("not pinned: 4 bots need 5 CPUs, a trading thread alone on each and one for the rest, and 2 are " +
            "allowed (0-1); 4 trading threads share 2 CPUs, so they back off between ticks instead of spinning " +
            "(--bot-arg=--idle-trading=spin to spin anyway)", layout.note());
        assertTrue(CpuLayout.decide(false, 4, null, NO_ARGS, cpus("0-1"), true).tradingBacksOff(), "--no-pin too");
        final CpuLayout chosen = CpuLayout.decide(true, 4, "0-1", NO_ARGS, cpus("0-1"), true);
        assertTrue(chosen.tradingBacksOff(), "CPUs the user chose too");
        assertFalse(chosen.pinned());
    }

    @Test
    void shouldLeaveTheTradingThreadsIdleStrategyToTheBotsArguments()
    {
        final CpuLayout layout = CpuLayout.decide(true, 4, null, List.of("--idle-trading=spin"), cpus("0-1"), true);

        assertFalse(layout.tradingBacksOff());
        assertTrue(layout.note().endsWith("4 trading threads share 2 CPUs as their --idle-trading says"), layout.note());
    }
}
