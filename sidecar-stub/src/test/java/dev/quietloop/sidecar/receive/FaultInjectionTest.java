package dev.quietloop.sidecar.receive;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectionTest
{
    private static final long START_NS = 1_000_000_000L;

    @Test
    void shouldNeverPauseOrExitWhenEveryFaultIsOff()
    {
        final FaultInjection faults = FaultInjection.none();
        for (int i = 0; i < 1_000; i++)
        {
            assertFalse(faults.onMessage(START_NS));
            assertEquals(0, faults.pauseRemainingNs(START_NS));
        }
        assertEquals(1_000, faults.messages());
    }

    @Test
    void shouldPauseAfterEachMessageUntilTheDelayHasPassed()
    {
        final FaultInjection faults = new FaultInjection(200_000, FaultInjection.OFF, 0, FaultInjection.OFF);

        faults.onMessage(START_NS);
        assertEquals(200_000, faults.pauseRemainingNs(START_NS));
        assertEquals(1, faults.pauseRemainingNs(START_NS + 199_999));
        assertEquals(0, faults.pauseRemainingNs(START_NS + 200_000));

        faults.onMessage(START_NS + 300_000);
        assertTrue(faults.pauseRemainingNs(START_NS + 300_000) > 0);
    }

    @Test
    void shouldStallOnceAfterTheMthMessage()
    {
        final long stallNs = 5_000_000_000L;
        final FaultInjection faults = new FaultInjection(0, 3, stallNs, FaultInjection.OFF);

        faults.onMessage(START_NS);
        faults.onMessage(START_NS);
        assertEquals(0, faults.pauseRemainingNs(START_NS));

        faults.onMessage(START_NS);
        assertEquals(stallNs, faults.pauseRemainingNs(START_NS));
        assertEquals(0, faults.pauseRemainingNs(START_NS + stallNs));

        faults.onMessage(START_NS + stallNs);
        assertEquals(0, faults.pauseRemainingNs(START_NS + stallNs));
    }

    @Test
    void shouldAskToExitAtExactlyTheMthMessage()
    {
        final FaultInjection faults = new FaultInjection(0, FaultInjection.OFF, 0, 3);

        assertFalse(faults.onMessage(START_NS));
        assertFalse(faults.onMessage(START_NS));
        assertTrue(faults.onMessage(START_NS));
    }

    @Test
    void shouldHandleClockValuesAroundZeroAndNegative()
    {
        final FaultInjection faults = new FaultInjection(100, FaultInjection.OFF, 0, FaultInjection.OFF);

        assertEquals(0, faults.pauseRemainingNs(Long.MIN_VALUE + 1));
        faults.onMessage(-50);
        assertEquals(100, faults.pauseRemainingNs(-50));
        assertEquals(0, faults.pauseRemainingNs(50));
    }
}
