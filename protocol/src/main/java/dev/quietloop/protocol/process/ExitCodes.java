package dev.quietloop.protocol.process;

/** Exit codes of every quietloop process and script; the README documents them. */
public final class ExitCodes
{
    public static final int OK = 0;
    /** An unexpected internal failure: a bug, reported with its stack trace. */
    public static final int FAILURE = 1;
    /** Bad input: an unknown flag, a missing file, a taken port. One line names the problem. */
    public static final int USAGE = 2;
    /**
     * The run finished but not every event passed on reached the sidecar: left undelivered at the
     * drain timeout, or lost on the way.
     */
    public static final int UNDELIVERED = 3;
    /** A process that quietloop launched failed, or died mid-run. */
    public static final int CHILD_FAILED = 4;
    /**
     * The run's report could not be written (a full disk, a read-only folder): its account was
     * printed instead, with the exit code the run alone would have had.
     */
    public static final int REPORT_NOT_WRITTEN = 5;
    /** Stopped by Ctrl-C or SIGTERM; a partial report was written. */
    public static final int INTERRUPTED = 130;

    private ExitCodes()
    {
    }
}
