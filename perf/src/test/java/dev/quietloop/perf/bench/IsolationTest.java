package dev.quietloop.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class IsolationTest
{
    @Test
    void shouldGiveTheQuickSuiteItsSmallerQueuesAndTheFullOneTheSmallBuffers()
    {
        assertEquals(Isolation.QUICK_BUFFERS, Isolation.extraArgs(BenchSettings.QUICK, List.of()));
        assertEquals(Isolation.SMALL_BUFFERS, Isolation.extraArgs(BenchSettings.FULL, List.of()));
    }
}
