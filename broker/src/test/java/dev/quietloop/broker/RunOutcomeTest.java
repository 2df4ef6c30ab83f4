package dev.quietloop.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quietloop.protocol.process.ExitCodes;
import org.junit.jupiter.api.Test;

class RunOutcomeTest
{
    @Test
    void shouldExitZeroWhenEverythingWasDelivered()
    {
        assertEquals(ExitCodes.OK, new RunOutcome(false, 0, 0, false).exitCode());
        assertEquals(ExitCodes.OK, new RunOutcome(false, 0, RunOutcome.NOT_LAUNCHED, false).exitCode());
    }

    @Test
    void shouldPreferInterruptedThenUndeliveredThenBadInputThenChildFailure()
    {
        assertEquals(ExitCodes.INTERRUPTED, new RunOutcome(true, 5, 2, true).exitCode());
        assertEquals(ExitCodes.UNDELIVERED, new RunOutcome(false, 5, 2, true).exitCode());
        assertEquals(ExitCodes.USAGE, new RunOutcome(false, 0, 2, true).exitCode());
        assertEquals(ExitCodes.CHILD_FAILED, new RunOutcome(false, 0, 1, true).exitCode());
    }
}
