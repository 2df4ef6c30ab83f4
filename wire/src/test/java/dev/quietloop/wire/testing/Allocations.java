package dev.quietloop.wire.testing;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes a piece of code allocates on the calling thread, for tests that prove a hot
 * path allocation-free. A run that allocates nothing proves there is no per-operation allocation;
 * the first runs may still see one-off bytes (the JIT swapping in compiled code), so the best of
 * a few runs is what counts. Shared with the other modules as wire's test jar; what a JeroMQ socket
 * allocates inside a call is set apart by protocol's {@code SocketAllocations}.
 */
public final class Allocations
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private Allocations()
    {
    }

    /** The bytes the calling thread has allocated so far. */
    public static long threadBytes()
    {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** The fewest bytes one call of {@code work} allocated over up to {@code attempts} calls. */
    public static long fewestBytes(final Runnable work, final int attempts)
    {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < attempts && fewest > 0; i++)
        {
            final long before = threadBytes();
            work.run();
            fewest = Math.min(fewest, threadBytes() - before);
        }
        return fewest;
    }
}
