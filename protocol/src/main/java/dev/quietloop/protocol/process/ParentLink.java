package dev.quietloop.protocol.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A launched child's end of the pipe its launcher holds on the child's standard input: how the
 * launcher sequences a stop, and how the child learns at once that the launcher died.
 * <ul>
 *   <li>{@value #HOLD}: the launcher is stopping the run and will stop each child in order; a
 *       signal the child got (a terminal's Ctrl-C reaches the whole process group) is part of that
 *       stop, not one of its own.</li>
 *   <li>{@value #STOP}: stop now, in order: drain, write the summary, exit.</li>
 *   <li>end of file: the launcher is gone, however it ended (the kernel closes its end of the
 *       pipe even after {@code kill -9}); nobody is left to deliver to, so stop at once.</li>
 * </ul>
 * A pipe is portable and immediate, where watching the parent's process handle polls.
 */
public final class ParentLink implements Runnable
{
    public static final String HOLD = "hold";
    public static final String STOP = "stop";
    /** How long a signal waits for the launcher's word before the child takes it as its own stop. */
    public static final long SIGNAL_DEFER_MS = 500;

    private final InputStream in;
    private final Runnable onStop;
    private final Runnable onParentGone;
    private final CountDownLatch held = new CountDownLatch(1);
    private volatile boolean parentGone;

    private ParentLink(final InputStream in, final Runnable onStop, final Runnable onParentGone)
    {
        this.in = in;
        this.onStop = onStop;
        this.onParentGone = onParentGone;
    }

    /**
     * Starts reading the launcher's words from {@code in} (the process's standard input) on a
     * daemon thread.
     *
     * @param onStop       the launcher asked for the orderly stop
     * @param onParentGone the launcher is gone: stop fast; runs on the reading thread
     */
    public static ParentLink watch(final InputStream in, final Runnable onStop, final Runnable onParentGone)
    {
        final ParentLink link = new ParentLink(in, onStop, onParentGone);
        final Thread thread = new Thread(link, "parent-link");
        thread.setDaemon(true);
        thread.start();
        return link;
    }

    @Override
    public void run()
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))
        {
            String line;
            while (null != (line = reader.readLine()))
            {
                onLine(line.trim());
            }
        }
        catch (final IOException ex)
        {
            // A broken pipe says the same as its end: the launcher is gone.
        }
        parentGone = true;
        held.countDown();
        onParentGone.run();
    }

    void onLine(final String line)
    {
        if (HOLD.equals(line))
        {
            held.countDown();
        }
        else if (STOP.equals(line))
        {
            held.countDown();
            onStop.run();
        }
    }

    /** True once the launcher has taken charge of the stop (or is gone). */
    public boolean isHeld()
    {
        return held.getCount() == 0;
    }

    public boolean isParentGone()
    {
        return parentGone;
    }

    /**
     * Waits up to {@code timeoutMs} for the launcher to take charge of the stop.
     *
     * @return true if it did (or is gone, which ends the run as well).
     */
    public boolean awaitHeld(final long timeoutMs)
    {
        try
        {
            return held.await(timeoutMs, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return isHeld();
        }
    }
}
