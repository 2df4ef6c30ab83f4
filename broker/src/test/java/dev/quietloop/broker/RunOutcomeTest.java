package dev.quietloop.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quietloop.protocol.process.ExitCodes;
import org.junit.jupiter.api.Test;

class RunOutcomeTest
{
    @Test
    void shouldExitZeroWhenEverythingWasDelivered()
    {
        assertEquals(ExitCodes.OK, new RunOutcome(false, 0, 0, false, false).exitCode());
        assertEquals(ExitCodes.OK, new RunOutcome(false, 0, RunOutcome.NOT_LAUNCHED, false, false).exitCode());
    }

    @Test
    void shouldPreferInterruptedThenUndeliveredThenBadInputThenChildFailure()
    {
        assertEquals(ExitCodes.INTERRUPTED, new RunOutcome(true, 5, 2, true, false).exitCode());
        assertEquals(ExitCodes.UNDELIVERED, new RunOutcome(false, 5, 2, true, false).exitCode());
        assertEquals(ExitCodes.USAGE, new RunOutcome(false, 0, 2, true, false).exitCode());
        assertEquals(ExitCodes.CHILD_FAILED, new RunOutcome(false, 0, 1, true, false).exitCode());
    }

    @Test
    void shouldSayChildFailedWhenAChildDiedMidRunEvenWithTheLossesItCaused()
    {
        assertEquals(ExitCodes.CHILD_FAILED, new RunOutcome(false, 5, 137, true, true).exitCode());
        assertEquals(ExitCodes.INTERRUPTED, new RunOutcome(true, 5, 137, true, true).exitCode());
    }
}
