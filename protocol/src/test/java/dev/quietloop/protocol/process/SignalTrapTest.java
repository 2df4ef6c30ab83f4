package dev.quietloop.protocol.process;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalTrapTest
{
    @Test
    void shouldAskForAnOrderlyStopFirstAndRunTheEmergencyActionOnTheSecondSignal()
    {
        final AtomicInteger stops = new AtomicInteger();
        final AtomicInteger emergencies = new AtomicInteger();
        try (SignalTrap trap = SignalTrap.install("test", stops::incrementAndGet, emergencies::incrementAndGet))
        {
            assertFalse(trap.isRequested());
            trap.trigger();
            assertTrue(trap.isRequested());
            assertEquals(1, stops.get());
            assertEquals(0, emergencies.get());
            trap.trigger();
            trap.trigger();
            assertEquals(1, stops.get());
            assertEquals(1, emergencies.get());
        }
    }
}
