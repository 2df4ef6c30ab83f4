package dev.quietloop.protocol.process;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stat tool's view of a counters directory: on each {@link #print} it maps the files that
 * appeared since the last one (read-only), lets go of those that went, and prints one block per
 * process. A file whose process no longer runs is skipped and counted, or shown with {@code all}.
 * It never writes to a file nor deletes one: the next process to start in the directory does that.
 */
final class CountersWatch implements AutoCloseable
{
    private final Path dir;
    private final boolean all;
    private final PrintStream out;
    private final Map<Path, ProcessCounters> processes = new TreeMap<>();
    private final Set<Path> reported = new HashSet<>();

    CountersWatch(final Path dir, final boolean all, final PrintStream out)
    {
        this.dir = dir;
        this.all = all;
        this.out = out;
    }

    /** Prints a title line with the time, then every process's block. */
    void print(final long nowNs, final long nowMs)
    {
        refresh();
        final List<ProcessCounters> running = new ArrayList<>();
        final List<ProcessCounters> stale = new ArrayList<>();
        for (final ProcessCounters process : processes.values())
        {
            (process.file().isOwnerAlive() ? running : stale).add(process);
        }
        out.println("== " + Instant.ofEpochMilli(nowMs).truncatedTo(ChronoUnit.SECONDS) + "  " + running.size() +
            (running.size() == 1 ? " process" : " processes") + " in " + dir);
        running.forEach(process -> process.print(out, true, nowNs, nowMs));
        if (all)
        {
            stale.forEach(process -> process.print(out, false, nowNs, nowMs));
        }
        else if (!stale.isEmpty())
        {
            out.println("(" + stale.size() + " more left by processes that did not exit cleanly: --all shows them)");
        }
        out.flush();
    }

    private void refresh()
    {
        final Set<Path> present = new HashSet<>(CountersDirectory.list(dir));
        final Iterator<Map.Entry<Path, ProcessCounters>> it = processes.entrySet().iterator();
        while (it.hasNext())
        {
            final Map.Entry<Path, ProcessCounters> entry = it.next();
            if (!present.contains(entry.getKey()))
            {
                entry.getValue().file().unmap();
                it.remove();
            }
        }
        reported.retainAll(present);
        for (final Path file : present)
        {
            if (!processes.containsKey(file))
            {
                open(file);
            }
        }
    }

    private void open(final Path file)
    {
        final Optional<CountersFile> counters;
        try
        {
            counters = CountersFile.openReadOnly(file);
        }
        catch (final IllegalStateException ex)
        {
            if (Files.exists(file) && reported.add(file))
            {
                out.println("stat: skipping " + ex.getMessage());
            }
            return;
        }
        counters.ifPresent(opened -> processes.put(file, new ProcessCounters(opened)));
    }

    @Override
    public void close()
    {
        processes.values().forEach(process -> process.file().unmap());
        processes.clear();
    }
}
