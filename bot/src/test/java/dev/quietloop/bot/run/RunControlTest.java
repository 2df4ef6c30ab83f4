package dev.quietloop.bot.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RunControlTest
{
    private static final int LINGER_MS = 250;

    @Test
    void shouldCloseWithTheSocketsOwnLingerBeforeTheDrainBegins()
    {
        assertEquals(LINGER_MS, new RunControl().closeLingerMs(0, LINGER_MS));
    }

    @Test
    void shouldCloseWithWhatIsLeftOfTheDrainOnceItHasBegunAndNothingPastIt()
    {
        final RunControl control = new RunControl();
        final long startNs = 1_000_000_000L;
        control.beginDrain(startNs + TimeUnit.MILLISECONDS.toNanos(2_500));

        assertEquals(2_500, control.closeLingerMs(startNs, LINGER_MS));
        assertEquals(1_000, control.closeLingerMs(startNs + TimeUnit.MILLISECONDS.toNanos(1_500), LINGER_MS));
        assertEquals(0, control.closeLingerMs(startNs + TimeUnit.SECONDS.toNanos(3), LINGER_MS));
    }

    @Test
    void shouldKeepTheFirstDrainDeadline()
    {
        final RunControl control = new RunControl();
        control.beginDrain(TimeUnit.SECONDS.toNanos(1));
        control.beginDrain(TimeUnit.SECONDS.toNanos(9));

        assertEquals(TimeUnit.SECONDS.toNanos(1), control.drainDeadlineNs());
    }
}
