package dev.quietloop.sidecar;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.quietloop.protocol.process.ExitCodes;

/**
 * What tells the stub to stop: SIGINT/SIGTERM, the parent's exit, or the receiver ending by itself.
 * A signal starts the JVM's shutdown, which would end the process with 128 + the signal before
 * the stub has drained; so a shutdown hook asks for the stop, waits (bounded) until the stub has
 * written its summary and closed this, then halts with the stub's own exit code.
 */
final class ShutdownSignal implements AutoCloseable
{
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final long hookWaitMs;
    private final Thread hook;
    private volatile int exitCode = ExitCodes.FAILURE;

    /** @param hookWaitMs how long a signal waits for the stub to finish before the JVM exits anyway */
    ShutdownSignal(final long hookWaitMs)
    {
        this.hookWaitMs = hookWaitMs;
        hook = new Thread(this::onJvmShutdown, "sidecar-stub-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Asks for a stop; safe from any thread, any number of times. */
    void signal()
    {
        stopRequested.countDown();
    }

    void await() throws InterruptedException
    {
        stopRequested.await();
    }

    /** The code to exit with if a signal is what stops the stub. */
    void exitCode(final int exitCode)
    {
        this.exitCode = exitCode;
    }

    @Override
    public void close()
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException ex)
        {
            // The JVM is shutting down on a signal: the hook waits for the count-down below.
        }
        finished.countDown();
    }

    private void onJvmShutdown()
    {
        signal();
        try
        {
            if (finished.await(hookWaitMs, TimeUnit.MILLISECONDS))
            {
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(exitCode);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
