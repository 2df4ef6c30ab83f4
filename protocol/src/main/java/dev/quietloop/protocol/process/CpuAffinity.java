package dev.quietloop.protocol.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.quietloop.wire.ConfigException;

/**
 * Pins threads to CPUs, once per process, so that a spinning trading thread keeps a core to itself
 * and the pipeline's threads share the others (the {@code --cpus} and {@code --trading-cpu} flags).
 * Each process pins once it has started up and before it handles events: start-up (class loading,
 * the JIT's first work, loading the data) is free to use every CPU. It runs util-linux's
 * {@code taskset}, and {@code chrt} for the scheduling policy: a few milliseconds each, and no
 * native library loaded into a process whose trading thread must never stall. Linux only; a
 * thread starts with the affinity and the policy of the thread that starts it, which is what
 * {@link #startPinned} and {@link #startNormal} rely on.
 */
public final class CpuAffinity
{
    /** The syntax of a CPU list, as taskset and the kernel write it: {@code 1}, {@code 0,2}, {@code 2-5,7}. */
    private static final Pattern CPU_LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
    private static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final String TASKSET = "taskset";
    private static final String CHRT = "chrt";
    /** Set once the process's threads are {@code SCHED_BATCH}: see {@link #pinProcess}. */
    private static volatile boolean batch;
    private static final long TOOL_TIMEOUT_MS = 10_000;

    private CpuAffinity()
    {
    }

    /**
     * Checks a CPU list given for {@code flag} against the CPUs this machine has online.
     *
     * @return the list, or null when none is given (the operating system places the threads).
     * @throws ConfigException naming the flag: bad syntax, a CPU that is not online, or no Linux.
     */
    public static String validate(final String flag, final String cpus)
    {
        if (null == cpus)
        {
            return null;
        }
        final BitSet wanted = parse(flag, cpus);
        final BitSet online = online(flag);
        final BitSet missing = (BitSet)wanted.clone();
        missing.andNot(online);
        if (!missing.isEmpty())
        {
            throw new ConfigException(flag + " " + cpus + ": CPU " + missing.nextSetBit(0) +
                " is not online (online: " + format(online) + ")");
        }
        return cpus;
    }

    /**
     * Pins every thread this process has now, and so every thread they start later, to {@code cpus},
     * and makes them {@code SCHED_BATCH}: on the CPUs the pipeline's threads share, a thread woken
     * up then waits for the running one to block or for the scheduler's tick instead of taking its
     * CPU at once.
     * <p>
     * Why: JeroMQ 0.6.0 wakes a thread by writing a byte to a pipe and only then counting the
     * signal ({@code zmq.Signaler.send}). Woken on the writer's own CPU, the reader took it before
     * the count, found no signal, left the byte, and went round its {@code epoll_wait} until the
     * writer ran again: on the 2-core machine of {@code perf/RESULTS.md} the bot's I/O thread spun
     * at 8,000 {@code epoll_wait} a second at 10,000 ticks/s, and the threads besides the trading
     * thread took 75% of their CPU; {@code SCHED_BATCH} brought that to 27%. The hiccup meter and
     * the trading thread keep the normal policy ({@link #startNormal}).
     * <p>
     * Where {@code chrt} refuses, the threads keep their policy, and a line on {@code err} says so.
     */
    public static void pinProcess(final String flag, final String cpus)
    {
        if (null != cpus)
        {
            final String pid = Long.toString(ProcessHandle.current().pid());
            run(flag, cpus, List.of(TASKSET, "-a", "-p", "-c", cpus, pid));
            try
            {
                run(flag, cpus, List.of(CHRT, "-a", "-b", "-p", "0", pid));
                batch = true;
            }
            catch (final RuntimeException ex)
            {
                System.err.println(ex.getMessage() + "; the threads keep the normal scheduling policy");
            }
        }
    }

    /**
     * Runs {@code start}, which starts threads, with the calling thread under the normal scheduling
     * policy, which they inherit, if {@link #pinProcess} made the process's threads batch: the
     * trading thread, alone on its CPU, and the hiccup meter, which measures how late the
     * platform wakes a thread, not how late a batch thread gets its turn.
     */
    public static void startNormal(final String flag, final Runnable start)
    {
        if (!batch)
        {
            start.run();
            return;
        }
        final String tid = currentThreadId(flag, "normal");
        run(flag, "normal", List.of(CHRT, "-o", "-p", "0", tid));
        try
        {
            start.run();
        }
        finally
        {
            run(flag, "batch", List.of(CHRT, "-b", "-p", "0", tid));
        }
    }

    /**
     * Starts {@code thread} pinned to {@code cpus} (or as it is when null). The starting thread
     * pins itself, starts the new one, which inherits the pinning, and takes its own CPUs back, so
     * the new thread runs nowhere else from its first instruction, and a refusal (a CPU outside this
     * container's set) is reported here, on the starting thread, before anything has run.
     */
    public static void startPinned(final Thread thread, final String flag, final String cpus)
    {
        if (null == cpus)
        {
            thread.start();
            return;
        }
        final String own = currentThreadCpus();
        pinCurrentThread(flag, cpus);
        try
        {
            thread.start();
        }
        finally
        {
            pinCurrentThread(flag, own);
        }
    }

    /**
     * The CPUs the calling thread may run on, or null where this system does not say (not Linux).
     * Called before pinning, it is what the process was started with: a container's CPU set, or a
     * {@code taskset} around the command.
     */
    public static BitSet allowed()
    {
        try
        {
            return parse("Cpus_allowed_list", currentThreadCpus());
        }
        catch (final RuntimeException ex)
        {
            return null;
        }
    }

    /** True if this system can pin threads: {@code taskset} (util-linux) is on the PATH. */
    public static boolean available()
    {
        final String path = System.getenv("PATH");
        if (null == path)
        {
            return false;
        }
        for (final String dir : path.split(File.pathSeparator))
        {
            try
            {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, TASKSET)))
                {
                    return true;
                }
            }
            catch (final InvalidPathException ex)
            {
                // not a folder name: the next one may be
            }
        }
        return false;
    }

    /** The CPUs the calling thread may run on, as a CPU list. */
    public static String currentThreadCpus()
    {
        try
        {
            for (final String line : Files.readAllLines(THREAD_SELF.resolve("status"), StandardCharsets.US_ASCII))
            {
                if (line.startsWith("Cpus_allowed_list:"))
                {
                    return line.substring("Cpus_allowed_list:".length()).trim();
                }
            }
            throw new IllegalStateException(THREAD_SELF.resolve("status") + " has no Cpus_allowed_list");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void pinCurrentThread(final String flag, final String cpus)
    {
        run(flag, cpus, List.of(TASKSET, "-p", "-c", cpus, currentThreadId(flag, cpus)));
    }

    private static String currentThreadId(final String flag, final String value)
    {
        try
        {
            return Files.readSymbolicLink(THREAD_SELF).getFileName().toString(); // "<pid>/task/<tid>"
        }
        catch (final IOException ex)
        {
            throw new ConfigException(flag + " " + value + ": cannot find this thread's id in " + THREAD_SELF, ex);
        }
    }

    private static void run(final String flag, final String value, final List<String> command)
    {
        final Process process;
        try
        {
            process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(false)
                .start();
        }
        catch (final IOException ex)
        {
            throw new ConfigException(flag + " " + value + ": needs " + command.get(0) + " (util-linux) on the PATH: " +
                ex.getMessage(), ex);
        }
        try
        {
            final byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(TOOL_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly();
                throw new ConfigException(flag + " " + value + ": " + command.get(0) + " did not finish in " +
                    TOOL_TIMEOUT_MS + " ms");
            }
            if (process.exitValue() != 0)
            {
                throw new ConfigException(flag + " " + value + ": " + String.join(" ", command) + " failed: " +
                    new String(err, StandardCharsets.UTF_8).trim());
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new ConfigException(flag + " " + value + ": interrupted in " + command.get(0), ex);
        }
    }

    /** A CPU list as a set; a {@link ConfigException} naming {@code flag} when it is not one. */
    public static BitSet parse(final String flag, final String cpus)
    {
        if (!CPU_LIST.matcher(cpus).matches())
        {
            throw new ConfigException(flag + " " + cpus + ": not a CPU list (for example 1, 0,2 or 2-5)");
        }
        final BitSet set = new BitSet();
        for (final String range : cpus.split(","))
        {
            final int dash = range.indexOf('-');
            final int first = cpu(flag, cpus, dash < 0 ? range : range.substring(0, dash));
            final int last = dash < 0 ? first : cpu(flag, cpus, range.substring(dash + 1));
            if (last < first)
            {
                throw new ConfigException(flag + " " + cpus + ": the range " + range + " runs backwards");
            }
            set.set(first, last + 1);
        }
        return set;
    }

    private static int cpu(final String flag, final String cpus, final String digits)
    {
        try
        {
            return Integer.parseInt(digits);
        }
        catch (final NumberFormatException ex)
        {
            throw new ConfigException(flag + " " + cpus + ": CPU " + digits + " is out of range", ex);
        }
    }

    /** The CPUs this machine has online; a {@link ConfigException} naming {@code flag} off Linux. */
    public static BitSet online(final String flag)
    {
        final String text;
        try
        {
            text = Files.readString(ONLINE, StandardCharsets.US_ASCII).trim();
        }
        catch (final IOException ex)
        {
            throw new ConfigException(flag + ": pinning needs Linux (cannot read " + ONLINE + ")", ex);
        }
        return parse(ONLINE.toString(), text);
    }

    /** A set of CPUs as a CPU list, ranges joined: {@code 0,2-4}. */
    public static String format(final BitSet cpus)
    {
        final StringBuilder text = new StringBuilder();
        for (int first = cpus.nextSetBit(0); first >= 0; first = cpus.nextSetBit(first + 1))
        {
            final int last = cpus.nextClearBit(first) - 1;
            if (text.length() > 0)
            {
                text.append(',');
            }
            text.append(first);
            if (last > first)
            {
                text.append('-').append(last);
            }
            first = last;
        }
        return text.toString();
    }
}
