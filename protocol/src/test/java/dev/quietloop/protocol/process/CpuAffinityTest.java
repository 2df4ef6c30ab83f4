package dev.quietloop.protocol.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.quietloop.wire.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * Pinning with the real {@code taskset} and {@code chrt}: the pinned thread sees its CPU list, the
 * starter keeps its own; a pinned process is batch but for the threads started normal.
 */
class CpuAffinityTest
{
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_BATCH = 3;

    @Test
    void shouldParseAndFormatCpuListsAsTheKernelWritesThem()
    {
        final BitSet cpus = CpuAffinity.parse("--cpus", "0,2-4,7");

        assertEquals("0,2-4,7", CpuAffinity.format(cpus));
        assertEquals(5, cpus.cardinality());
        assertEquals("3", CpuAffinity.format(CpuAffinity.parse("--cpus", "3-3")));
    }

    @Test
    void shouldNameTheFlagAndTheProblemOfABadList()
    {
        assertEquals("--cpus 1;2: not a CPU list (for example 1, 0,2 or 2-5)",
            assertThrows(ConfigException.class, () -> CpuAffinity.validate("--cpus", "1;2")).getMessage());
        assertEquals("--trading-cpu 3-1: the range 3-1 runs backwards",
            assertThrows(ConfigException.class, () -> CpuAffinity.validate("--trading-cpu", "3-1")).getMessage());
        final String offline = assertThrows(ConfigException.class,
            () -> CpuAffinity.validate("--cpus", "0,100000")).getMessage();
        assertTrue(offline.startsWith("--cpus 0,100000: CPU 100000 is not online (online: 0"), offline);
    }

    @Test
    void shouldLeaveAnUnsetListUnpinned()
    {
        assertEquals(null, CpuAffinity.validate("--cpus", null));
    }

    @Test
    void shouldStartAThreadPinnedAndGiveTheStarterItsOwnCpusBack() throws InterruptedException
    {
        final String own = CpuAffinity.currentThreadCpus();
        final String first = Integer.toString(CpuAffinity.parse("own", own).nextSetBit(0));
        final AtomicReference<String> seen = new AtomicReference<>();
        final Thread pinned = new Thread(() -> seen.set(CpuAffinity.currentThreadCpus()), "pinned");

        CpuAffinity.startPinned(pinned, "--trading-cpu", CpuAffinity.validate("--trading-cpu", first));
        pinned.join();

        assertEquals(first, seen.get(), "the new thread ran on the CPU it was given only");
        assertEquals(own, CpuAffinity.currentThreadCpus(), "the starting thread has its CPUs back");
    }

    @Test
    void shouldStartAThreadAsItIsWhenNoCpuIsGiven() throws InterruptedException
    {
        final AtomicReference<String> seen = new AtomicReference<>();
        final Thread thread = new Thread(() -> seen.set(CpuAffinity.currentThreadCpus()), "unpinned");

        CpuAffinity.startPinned(thread, "--trading-cpu", null);
        thread.join();

        assertEquals(CpuAffinity.currentThreadCpus(), seen.get());
    }

    @Test
    void shouldMakeAPinnedProcessBatchAndStartTheThreadsGivenTheNormalPolicy() throws Exception
    {
        final AtomicReference<Integer> started = new AtomicReference<>();
        final Thread normal = new Thread(() -> started.set(policy(Path.of("/proc/thread-self/stat"))), "normal");

        CpuAffinity.pinProcess("--cpus", CpuAffinity.currentThreadCpus());
        final List<Integer> policies = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task")))
        {
            for (final Path task : tasks)
            {
                try
                {
                    policies.add(policy(task.resolve("stat")));
                }
                catch (final UncheckedIOException ex)
                {
                    // a thread that ended since the listing
                }
            }
        }
        CpuAffinity.startNormal("--cpus", normal::start);
        normal.join();

        assertTrue(policies.size() > 1 && policies.stream().allMatch(p -> p == SCHED_BATCH),
            "every thread of the process: " + policies);
        assertEquals(SCHED_OTHER, started.get(), "the thread started in startNormal");
        assertEquals(SCHED_BATCH, policy(Path.of("/proc/thread-self/stat")), "the starter is batch again");
    }

    /** The scheduling policy, field 41 of a task's stat (those after the command name's bracket from 3). */
    private static int policy(final Path stat)
    {
        try
        {
            final String line = Files.readString(stat);
            return Integer.parseInt(line.substring(line.lastIndexOf(')') + 2).split(" ")[41 - 3]);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
