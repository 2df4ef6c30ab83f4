package dev.quietloop.protocol.wake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WakeOnWorkIdleStrategyTest
{
    private final List<Long> waits = new ArrayList<>();
    private final WakeOnWorkIdleStrategy strategy = new WakeOnWorkIdleStrategy(waits::add, 3, 2, 7_000);

    @Test
    void shouldSpinThenYieldThenWaitForWorkWithItsLongestWait()
    {
        for (int i = 0; i < 5; i++)
        {
            strategy.idle(0);
        }
        assertEquals(List.of(), waits, "3 spins and 2 yields come first");

        strategy.idle(0);
        strategy.idle(0);

        assertEquals(List.of(7_000L, 7_000L), waits);
    }

    @Test
    void shouldSpinAgainAfterWork()
    {
        for (int i = 0; i < 6; i++)
        {
            strategy.idle(0);
        }
        assertEquals(1, waits.size());

        strategy.idle(1);
        for (int i = 0; i < 5; i++)
        {
            strategy.idle(0);
        }

        assertEquals(1, waits.size(), "work resets the spins and yields");
    }

    @Test
    void shouldBeNamedAsItsConfigurationWord()
    {
        assertEquals("wake", strategy.alias());
    }
}
