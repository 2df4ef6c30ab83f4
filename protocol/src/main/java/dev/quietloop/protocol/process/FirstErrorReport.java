package dev.quietloop.protocol.process;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.ErrorHandler;

/**
 * What an agent thread does with an error: the first is printed once, with its stack trace and
 * the counter where the later ones go; the {@link org.agrona.concurrent.AgentRunner} counts every
 * one and the thread goes on. One line of context and one trace is what a user can act on; a
 * trace per event would bury it.
 */
public final class FirstErrorReport implements ErrorHandler
{
    private final String headline;
    private final PrintStream err;
    private final AtomicBoolean printed = new AtomicBoolean();

    /**
     * @param role      the process ({@code bot}, {@code broker}, ...)
     * @param agent     the agent's role name, which is also its thread's name
     * @param errorsKey the summary key that counts every error ({@code bot.errors})
     */
    public FirstErrorReport(final String role, final String agent, final String errorsKey, final PrintStream err)
    {
        this.headline = role + ": error on " + agent + " (later ones are only counted in " + errorsKey + "):";
        this.err = err;
    }

    @Override
    public void onError(final Throwable throwable)
    {
        if (printed.compareAndSet(false, true))
        {
            err.println(headline);
            throwable.printStackTrace(err);
            err.flush();
        }
    }

}
