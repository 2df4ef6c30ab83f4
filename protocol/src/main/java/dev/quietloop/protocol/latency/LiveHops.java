package dev.quietloop.protocol.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.agrona.concurrent.status.AtomicCounter;

/**
 * A process's timed hops, each published live once an interval into its counters file
 * ({@link LiveLatency}): by a thread of its own ({@link #start}), or by a reporter thread the
 * process has anyway ({@link #publish}). Only the hops that are timed take counters.
 */
public final class LiveHops
{
    /** How often the hops are published: about a second, as {@code bin/stat.sh} prints and Prometheus scrapes. */
    public static final long INTERVAL_MS = 1_000;

    private final List<HopLatency> hops = new ArrayList<>();
    private final List<LiveLatency> lives = new ArrayList<>();

    /** @param maker makes a counter of the process's by name: its registry's {@code newCounter} */
    public LiveHops(final Function<String, AtomicCounter> maker, final HopLatency... hops)
    {
        for (final HopLatency hop : hops)
        {
            if (hop.isEnabled())
            {
                this.hops.add(hop);
                lives.add(new LiveLatency(hop.hop().key(), maker));
            }
        }
    }

    /** Ends each hop's interval and publishes it; the interval joins the hop's run total. */
    public void publish()
    {
        for (int i = 0; i < hops.size(); i++)
        {
            hops.get(i).publishLive(lives.get(i));
        }
    }

    /** The publishing thread, stopped by {@link #close()}. */
    public interface Running extends AutoCloseable
    {
        /** Stops publishing; the interval since the last one goes to the run's total when it is read. */
        @Override
        void close();
    }

    /** A daemon thread that publishes once an {@link #INTERVAL_MS} until closed; none when no hop is timed. */
    public Running start(final String threadName)
    {
        if (hops.isEmpty())
        {
            return () -> { };
        }
        final CountDownLatch stop = new CountDownLatch(1);
        final Thread thread = new Thread(() ->
        {
            try
            {
                boolean failedBefore = false;
                while (!stop.await(INTERVAL_MS, TimeUnit.MILLISECONDS))
                {
                    try
                    {
                        publish();
                    }
                    catch (final RuntimeException ex)
                    {
                        // The live figures are a view: the run goes on, and says so once.
                        if (!failedBefore)
                        {
                            System.err.println(threadName + ": cannot publish the live latency: " + ex);
                            failedBefore = true;
                        }
                    }
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return () ->
        {
            stop.countDown();
            try
            {
                thread.join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        };
    }
}
