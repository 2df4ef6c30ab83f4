package dev.quietloop.broker.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Copies a child's output stream to ours line by line, each line prefixed with the child's role.
 * A filter sees every line first and says whether to forward it: that is how readiness lines are
 * taken out, and how a child's output is muted once it no longer concerns the user.
 */
final class OutputPump implements Runnable
{
    private final InputStream in;
    private final PrintStream target;
    private final String prefix;
    private final Predicate<String> forward;
    private final Runnable onEnd;

    OutputPump(
        final InputStream in,
        final PrintStream target,
        final String prefix,
        final Predicate<String> forward,
        final Runnable onEnd)
    {
        this.in = in;
        this.target = target;
        this.prefix = prefix;
        this.forward = forward;
        this.onEnd = onEnd;
    }

    static Thread start(final String name, final OutputPump pump)
    {
        final Thread thread = new Thread(pump, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run()
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))
        {
            String line;
            while (null != (line = reader.readLine()))
            {
                if (forward.test(line))
                {
                    target.println(prefix + line);
                }
            }
        }
        catch (final IOException ex)
        {
            // The JDK closes a dead child's pipe under a blocked reader ("Stream closed") after
            // draining what was left into the stream, so nothing is lost: the output just ended.
        }
        finally
        {
            target.flush();
            onEnd.run();
        }
    }
}
