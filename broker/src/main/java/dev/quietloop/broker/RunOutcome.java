package dev.quietloop.broker;

import dev.quietloop.protocol.process.ExitCodes;

/**
 * How a run ended, and the one exit code that says so. An interruption wins, then a child that died mid-run, then events left
 * undelivered, then a bot that refused its input (it already printed why), then a failed child.
 *
 * @param botExitCode  the launched bot's exit code, or {@link #NOT_LAUNCHED}.
 * @param childFailed  a launched child exited abnormally or had to be killed.
 * @param childDied    a launched child died mid-run; it outranks the losses it caused, which are counted.
 */
record RunOutcome(boolean interrupted, long undelivered, int botExitCode, boolean childFailed, boolean childDied)
{
    static final int NOT_LAUNCHED = Integer.MIN_VALUE;

    int exitCode()
    {
        if (interrupted)
        {
            return ExitCodes.INTERRUPTED;
        }
        if (childDied)
        {
            return ExitCodes.CHILD_FAILED; // whatever it cost is counted, and said beside its death
        }
        if (undelivered > 0)
        {
            return ExitCodes.UNDELIVERED;
        }
        if (botExitCode == ExitCodes.USAGE)
        {
            return ExitCodes.USAGE;
        }
        if (childFailed)
        {
            return ExitCodes.CHILD_FAILED;
        }
        return ExitCodes.OK;
    }
}
