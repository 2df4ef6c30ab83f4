package dev.quietloop.bot.run;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Prints a status line about once a second while a replay runs: ticks done of the total, the
 * rate over the last interval, events and rejections. It only reads counters, on its own thread,
 * so the trading thread never formats or prints anything. A replay shorter than one interval
 * prints nothing.
 */
public final class ProgressReporter implements AutoCloseable
{
    public static final long DEFAULT_INTERVAL_MS = 1_000;

    private final BotCounters counters;
    private final long totalTicks;
    private final long intervalMs;
    private final PrintStream out;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private long lastTicks;
    private long lastNs;

    /** @param totalTicks the accepted rows of the file, from the start-up scan */
    public ProgressReporter(
        final BotCounters counters, final long totalTicks, final long intervalMs, final PrintStream out)
    {
        this.counters = counters;
        this.totalTicks = totalTicks;
        this.intervalMs = intervalMs;
        this.out = out;
        thread = new Thread(this::run, "progress");
        thread.setDaemon(true);
    }

    public ProgressReporter start()
    {
        lastNs = System.nanoTime();
        thread.start();
        return this;
    }

    /** The line for the counters as they are now; the rate is over the time since the last line. */
    String line(final long nowNs)
    {
        final long ticks = counters.ticks.get();
        final double seconds = Math.max(1, nowNs - lastNs) / 1e9;
        final long rate = Math.round((ticks - lastTicks) / seconds);
        lastTicks = ticks;
        lastNs = nowNs;
        final double percent = totalTicks == 0 ? 100 : 100.0 * ticks / totalTicks;
        return String.format("bot: progress %,d/%,d ticks (%.1f%%) %,d ticks/s, events %,d (ring rejected %,d), " +
            "rows rejected %,d", ticks, totalTicks, percent, rate, counters.eventsProduced.get(),
            counters.ringRejected.get(), counters.ticksRejected.get());
    }

    /** Stops the reporter; the line it may be printing is finished first. */
    @Override
    public void close()
    {
        stopped.countDown();
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void run()
    {
        try
        {
            while (!stopped.await(intervalMs, TimeUnit.MILLISECONDS))
            {
                out.println(line(System.nanoTime()));
                out.flush();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
