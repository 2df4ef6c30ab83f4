package dev.quietloop.broker.launch;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import dev.quietloop.protocol.process.CountersDirectory;

/**
 * A launched child that died mid-run, as its launcher noticed it: how it ended, when, and the
 * counts it left in its counters file (which outlives a {@code kill -9}), so the run can still
 * put its side in the account.
 *
 * @param role       the child's role, such as {@code bot}
 * @param pid        its process id
 * @param exitCode   its exit code; 128 + N when signal N killed it
 * @param uptimeMs   how long after its launch it was seen dead
 * @param lastCounts its counters as it left them, or empty when it left none
 */
public record ChildDeath(String role, long pid, int exitCode, long uptimeMs, Map<String, Long> lastCounts)
{
    private static final int SIGNAL_BASE = 128;

    /**
     * Reads what a child that has exited left behind, from the counters directory {@code dir}, where
     * its process's role names its file ({@code bot} for each of several bots, {@code bot-2} say).
     */
    public static ChildDeath of(final ChildProcess child, final Path dir, final String processRole)
    {
        return new ChildDeath(child.role(), child.pid(), child.exitCode(), child.uptimeNs() / 1_000_000,
            CountersDirectory.lastCounts(dir, processRole, child.pid()));
    }

    /** One line: which child, how it ended and when. */
    public String describe()
    {
        final String how = exitCode > SIGNAL_BASE && exitCode < SIGNAL_BASE + 64 ?
            "killed by signal " + (exitCode - SIGNAL_BASE) + " (exit code " + exitCode + ")" :
            "exited with code " + exitCode;
        return String.format(Locale.ROOT, "%s (pid %d) died mid-run, %.1f s after its launch: %s",
            role, pid, uptimeMs / 1000.0, how);
    }

    /** One of its last counts, or 0 when it left none. */
    public long lastCount(final String name)
    {
        return lastCounts.getOrDefault(name, 0L);
    }
}
