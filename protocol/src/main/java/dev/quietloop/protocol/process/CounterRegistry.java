package dev.quietloop.protocol.process;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.quietloop.protocol.latency.LiveLatency;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * A process's counters, as Agrona {@link AtomicCounter}s. A hot thread owns each counter and
 * bumps it with a release store ({@code incrementRelease}); any other thread reads it. A process
 * keeps them in its {@link CountersFile}, so the stat tool ({@link StatMain}) reads them live from
 * another process; tests keep them in memory. Closing deletes the file.
 */
public final class CounterRegistry implements AutoCloseable
{
    private final CountersManager manager;
    private final CountersFile file;
    private final Map<String, AtomicCounter> byName = new LinkedHashMap<>();

    /** Counters in memory, seen by this process only. */
    public CounterRegistry(final int maxCounters)
    {
        this(new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(maxCounters * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(maxCounters * CountersReader.COUNTER_LENGTH))), null);
    }

    private CounterRegistry(final CountersManager manager, final CountersFile file)
    {
        this.manager = manager;
        this.file = file;
    }

    /**
     * Counters in a new file {@code <role>-<pid>.counters} in {@code dir} (made if missing), after
     * deleting the files there that processes which no longer run left behind.
     *
     * @throws IllegalStateException when the file cannot be made.
     */
    public static CounterRegistry inFile(final Path dir, final String role, final int maxCounters)
    {
        final ProcessHandle self = ProcessHandle.current();
        final Path path = dir.resolve(CountersFile.fileName(role, self.pid()));
        try
        {
            Files.createDirectories(dir);
            CountersDirectory.deleteStale(dir);
            final long startTimeMs = self.info().startInstant().map(Instant::toEpochMilli)
                .orElseGet(System::currentTimeMillis);
            final CountersFile file = CountersFile.create(path, role, self.pid(), startTimeMs, maxCounters);
            return new CounterRegistry(file.manager(), file);
        }
        catch (final Exception ex) // IoUtil rethrows an IOException unchecked
        {
            throw new IllegalStateException("cannot make " + path + ": " + ex, ex);
        }
    }

    /**
     * A process's counters in the {@link CountersDirectory}; in memory when the file cannot be made,
     * which one line on {@code err} says: live counters are a view, never a reason not to run.
     */
    public static CounterRegistry forProcess(final String role, final int maxCounters, final PrintStream err)
    {
        try
        {
            return inFile(CountersDirectory.resolve(), role, maxCounters);
        }
        catch (final IllegalStateException ex)
        {
            err.println(role + ": " + ex.getMessage() + "; bin/stat.sh will not see this process");
            return new CounterRegistry(maxCounters);
        }
    }

    /** A new counter, reported under the given dotted name (for example {@code bot.eventsSent}). */
    public AtomicCounter newCounter(final String name)
    {
        if (byName.containsKey(name))
        {
            throw new IllegalArgumentException("duplicate counter: " + name);
        }
        final AtomicCounter counter = manager.newCounter(name);
        byName.put(name, counter);
        return counter;
    }

    /**
     * A snapshot of every counter by name, in creation order, for the process's summary: the live
     * latency's ({@link LiveLatency#PREFIX}) left out, since the summary has the run's own.
     */
    public Map<String, Long> snapshot()
    {
        final Map<String, Long> values = new LinkedHashMap<>();
        byName.forEach((name, counter) ->
        {
            if (!name.startsWith(LiveLatency.PREFIX))
            {
                values.put(name, counter.get());
            }
        });
        return values;
    }

    /** The file the counters live in, or null when they are in memory. */
    public Path file()
    {
        return null == file ? null : file.path();
    }

    /**
     * Deletes the file, if any. The mapping itself stays until the counters are unreachable, so a
     * thread that still counts after a close that timed out can never touch unmapped memory.
     */
    @Override
    public void close()
    {
        if (null != file)
        {
            CountersDirectory.deleteQuietly(file.path());
        }
    }
}
