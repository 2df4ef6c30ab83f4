package dev.quietloop.protocol.process;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.quietloop.wire.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The stat tool ({@code bin/stat.sh}): prints the live counters of every quietloop process on this
 * host once an interval, from their counters files, without touching the processes' hot paths.
 */
@Command(
    name = StatMain.NAME,
    mixinStandardHelpOptions = true,
    description = "Prints the live counters of every running quietloop process (bot, broker, sidecar-stub), "
        + "each with its rate per second since the previous print.")
public final class StatMain implements Callable<Integer>
{
    static final String NAME = "stat";

    @Option(names = "--dir", paramLabel = "DIR",
        description = "the counters directory (default: $" + CountersDirectory.ENV + ", else "
            + "/dev/shm/" + CountersDirectory.NAME + ", else under java.io.tmpdir)")
    private Path dir;

    @Option(names = "--interval-ms", paramLabel = "N", defaultValue = "1000",
        description = "print every N ms (default: ${DEFAULT-VALUE})")
    private long intervalMs;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
        description = "stop after N prints (default: ${DEFAULT-VALUE}, until Ctrl-C)")
    private long count;

    @Option(names = "--all", description = "also show the counters left by processes that did not exit cleanly")
    private boolean all;

    private final PrintStream out;

    StatMain(final PrintStream out)
    {
        this.out = out;
    }

    public static void main(final String... args)
    {
        System.exit(run(System.out, args));
    }

    /** Runs the tool, printing to {@code out}, and returns its exit code. */
    public static int run(final PrintStream out, final String... args)
    {
        return Cli.run(NAME, new StatMain(out), args);
    }

    @Override
    public Integer call()
    {
        if (intervalMs < 1)
        {
            throw new ConfigException("--interval-ms must be at least 1: " + intervalMs);
        }
        if (count < 0)
        {
            throw new ConfigException("--count must be 0 (no end) or more: " + count);
        }
        final long intervalNs = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        try (CountersWatch watch = new CountersWatch(null != dir ? dir : CountersDirectory.resolve(), all, out))
        {
            long deadlineNs = System.nanoTime();
            for (long printed = 0; 0 == count || printed < count; printed++)
            {
                if (printed > 0)
                {
                    // Fixed rate, but a print that fell far behind does not make a burst of catch-up prints.
                    deadlineNs = Math.max(deadlineNs + intervalNs, System.nanoTime());
                    long waitNs = deadlineNs - System.nanoTime();
                    while (waitNs > 0)
                    {
                        LockSupport.parkNanos(waitNs);
                        waitNs = deadlineNs - System.nanoTime();
                    }
                }
                watch.print(System.nanoTime(), System.currentTimeMillis());
            }
        }
        return ExitCodes.OK;
    }
}
