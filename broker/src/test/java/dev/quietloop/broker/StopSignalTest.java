package dev.quietloop.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class StopSignalTest
{
    @Test
    void shouldAskForAnOrderlyStopFirstAndRunTheEmergencyActionOnTheSecondSignal()
    {
        final AtomicInteger emergencies = new AtomicInteger();
        try (StopSignal stop = StopSignal.install(emergencies::incrementAndGet))
        {
            assertFalse(stop.isRequested());
            stop.trigger();
            assertTrue(stop.isRequested());
            assertEquals(0, emergencies.get());
            stop.trigger();
            assertEquals(1, emergencies.get());
        }
    }
}
