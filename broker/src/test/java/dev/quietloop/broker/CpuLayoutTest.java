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
        final CpuLayout layout = CpuLayout.decide(true, true, null, NO_ARGS, cpus("0-1"), true);

        assertTrue(layout.pinned());
        assertEquals("1", layout.tradingCpu());
        assertEquals("0", layout.otherCpus());
        assertEquals("pinned: trading thread on CPU 1; everything else on CPU 0 (--no-pin: off)", layout.note());
    }

    @Test
    void shouldTakeTheLastAllowedCpuOfAnUnevenSet()
    {
        final CpuLayout layout = CpuLayout.decide(true, true, null, List.of("--rate=5"), cpus("2,4-6,9"), true);

        assertEquals("9", layout.tradingCpu());
        assertEquals("2,4-6", layout.otherCpus());
    }

    @Test
    void shouldNotPinWithOneCpuAndSaySo()
    {
        final CpuLayout layout = CpuLayout.decide(true, true, null, NO_ARGS, cpus("3"), true);

        assertFalse(layout.pinned());
        assertNull(layout.otherCpus());
        assertEquals("not pinned: 1 CPU allowed (3), the trading thread shares it", layout.note());
    }

    @Test
    void shouldNotPinWhereThreadsCannotBePinnedAndSaySo()
    {
        assertFalse(CpuLayout.decide(true, true, null, NO_ARGS, null, true).pinned());
        final CpuLayout noTaskset = CpuLayout.decide(true, true, null, NO_ARGS, cpus("0-1"), false);

        assertFalse(noTaskset.pinned());
        assertTrue(noTaskset.note().startsWith("not pinned: "), noTaskset.note());
    }

    @Test
    void shouldLeaveEveryThreadToTheSystemSilentlyWithNoPin()
    {
        assertEquals(CpuLayout.NONE, CpuLayout.decide(false, true, null, NO_ARGS, cpus("0-1"), true));
    }

    @Test
    void shouldLetAnyCpuFlagTheUserGaveWin()
    {
        assertEquals(CpuLayout.NONE, CpuLayout.decide(true, true, "0", NO_ARGS, cpus("0-1"), true), "broker --cpus");
        assertEquals(CpuLayout.NONE, CpuLayout.decide(true, true, null, List.of("--trading-cpu=1"), cpus("0-1"), true));
        assertEquals(CpuLayout.NONE, CpuLayout.decide(true, true, null, List.of("--cpus", "0"), cpus("0-1"), true));
    }

    @Test
    void shouldNotPinWithoutALaunchedBot()
    {
        assertEquals(CpuLayout.NONE, CpuLayout.decide(true, false, null, NO_ARGS, cpus("0-1"), true),
            "no trading thread of its own to isolate: bots started apart choose their own CPUs");
    }

    private static BitSet cpus(final String list)
    {
        return CpuAffinity.parse("test", list);
    }
}
