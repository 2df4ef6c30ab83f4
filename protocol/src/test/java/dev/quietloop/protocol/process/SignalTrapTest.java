package dev.quietloop.protocol.process;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        try (SignalTrap trap = SignalTrap.installWith("test", stops::incrementAndGet, emergencies::incrementAndGet))
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

    @Test
    void shouldTakeASignalAsPartOfTheLaunchersStopOnceTheLauncherHoldsIt() throws Exception
    {
        final AtomicInteger stops = new AtomicInteger();
        final AtomicInteger emergencies = new AtomicInteger();
        try (PipedOutputStream launcher = new PipedOutputStream();
            InputStream stdin = new PipedInputStream(launcher);
            SignalTrap trap = SignalTrap.installWith("test", stops::incrementAndGet, emergencies::incrementAndGet))
        {
            final ParentLink link = ParentLink.watch(stdin, () -> { }, () -> { });
            trap.deferTo(link);
            launcher.write("hold\n".getBytes(StandardCharsets.US_ASCII));
            launcher.flush();
            assertTrue(link.awaitHeld(10_000));
            trap.onSignal();
            trap.onSignal();
            assertFalse(trap.isRequested(), "the launcher stops this process in its turn");
            assertEquals(0, stops.get());
            assertEquals(0, emergencies.get());
        }
    }

    @Test
    void shouldTakeASignalAsItsOwnWhenTheLauncherSaysNothing() throws Exception
    {
        final AtomicInteger stops = new AtomicInteger();
        try (PipedOutputStream launcher = new PipedOutputStream();
            InputStream stdin = new PipedInputStream(launcher);
            SignalTrap trap = SignalTrap.installWith("test", stops::incrementAndGet, () -> { }))
        {
            trap.deferTo(ParentLink.watch(stdin, () -> { }, () -> { }));
            trap.onSignal(); // waits out the deferral: a signal sent to this process alone
            assertTrue(trap.isRequested());
            assertEquals(1, stops.get());
        }
    }

    @Test
    void shouldStopWhenTheLauncherSaysStopAndStopFastWhenItsPipeEnds() throws Exception
    {
        final AtomicInteger stops = new AtomicInteger();
        final AtomicInteger gone = new AtomicInteger();
        final CountDownLatch ended = new CountDownLatch(1);
        final ParentLink link = ParentLink.watch(
            new ByteArrayInputStream("noise\nstop\n".getBytes(StandardCharsets.US_ASCII)),
            stops::incrementAndGet, () ->
            {
                gone.incrementAndGet();
                ended.countDown();
            });
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        assertEquals(1, stops.get(), "one stop line, and a line it does not know is ignored");
        assertEquals(1, gone.get());
        assertTrue(link.isParentGone());
        assertTrue(link.isHeld());
    }
}
