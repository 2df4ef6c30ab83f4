package dev.quietloop.broker.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.process.ParentLink;
import dev.quietloop.protocol.process.Readiness;

/**
 * One launched process: its output forwarded with a {@code [role] } prefix, its readiness line
 * turned into a future, and a stop that asks first and forces only after a bound. The child's
 * standard input is a pipe this process holds, its {@link ParentLink}: the stop is asked through
 * it, and its end tells the child at once that this process is gone.
 */
public final class ChildProcess
{
    private static final long READY_POLL_MS = 50;
    private static final long OUTPUT_JOIN_MS = 2_000;

    private final String role;
    private final Process process;
    private final CompletableFuture<Endpoint> readiness = new CompletableFuture<>();
    private final Thread stdoutPump;
    private final Thread stderrPump;
    private final OutputStream link;
    private final long startNs = System.nanoTime();
    private volatile boolean forced;
    private volatile boolean muted;
    private volatile boolean askedToStop;

    private ChildProcess(final String role, final Process process, final PrintStream out, final PrintStream err)
    {
        this.role = role;
        this.process = process;
        this.link = process.getOutputStream();
        final String prefix = "[" + role + "] ";
        stdoutPump = OutputPump.start(role + "-stdout",
            new OutputPump(process.getInputStream(), out, prefix, this::onStdoutLine, this::onStdoutEnd));
        stderrPump = OutputPump.start(role + "-stderr",
            new OutputPump(process.getErrorStream(), err, prefix, line -> !muted, () -> {}));
    }

    /** Starts the command; its output goes to {@code out} and {@code err}, prefixed. */
    public static ChildProcess start(
        final String role, final List<String> command, final PrintStream out, final PrintStream err)
    {
        final ProcessBuilder builder = new ProcessBuilder(command); // stdin: a pipe, the child's ParentLink
        try
        {
            return new ChildProcess(role, builder.start(), out, err);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot launch " + role + ": " + ex.getMessage(), ex);
        }
    }

    /** Takes the readiness line out of the forwarded output; @return true to forward the line. */
    private boolean onStdoutLine(final String line)
    {
        if (!readiness.isDone() && Readiness.isReadiness(line))
        {
            try
            {
                readiness.complete(Readiness.endpoint(line));
            }
            catch (final RuntimeException ex)
            {
                readiness.completeExceptionally(new ChildFailedException(
                    role, ChildFailedException.NO_EXIT_CODE, role + " printed a bad readiness line: " + line));
            }
            return false;
        }
        return !muted;
    }

    /** Stops forwarding this child's output, for when what it says no longer concerns the user. */
    public void mute()
    {
        muted = true;
    }

    private void onStdoutEnd()
    {
        // Output ends when the child exits; the exit code is known once the process is reaped.
        process.onExit().thenAccept(p -> readiness.completeExceptionally(new ChildFailedException(
            role, p.exitValue(), role + " exited with code " + p.exitValue() + " before it was ready")));
    }

    public String role()
    {
        return role;
    }

    public long pid()
    {
        return process.pid();
    }

    /**
     * Waits for the readiness line.
     *
     * @param abandon checked while waiting; when it turns true the wait ends with null.
     * @return the endpoint the child announced, or null if abandoned.
     * @throws ChildFailedException if the child exits first or is not ready in time.
     */
    public Endpoint awaitReady(final long timeoutMs, final BooleanSupplier abandon)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true)
        {
            try
            {
                return readiness.get(READY_POLL_MS, TimeUnit.MILLISECONDS);
            }
            catch (final TimeoutException ex)
            {
                if (abandon.getAsBoolean())
                {
                    return null;
                }
                if (System.nanoTime() - deadlineNs >= 0)
                {
                    throw new ChildFailedException(role, ChildFailedException.NO_EXIT_CODE,
                        role + " not ready after " + TimeUnit.MILLISECONDS.toSeconds(timeoutMs) + " s");
                }
            }
            catch (final ExecutionException ex)
            {
                if (ex.getCause() instanceof ChildFailedException)
                {
                    throw (ChildFailedException)ex.getCause();
                }
                throw new ChildFailedException(role, ChildFailedException.NO_EXIT_CODE, String.valueOf(ex.getCause()));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    public boolean isAlive()
    {
        return process.isAlive();
    }

    /** True if the child had to be killed (SIGKILL) because it did not stop when asked. */
    public boolean wasForced()
    {
        return forced;
    }

    /**
     * Waits for the child to exit, then for its last output lines to be forwarded.
     *
     * @return true if it exited within the timeout.
     */
    public boolean waitFor(final long timeoutMs)
    {
        try
        {
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
            {
                return false;
            }
            stdoutPump.join(OUTPUT_JOIN_MS);
            stderrPump.join(OUTPUT_JOIN_MS);
            return true;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The exit code of a child that has exited. */
    public int exitCode()
    {
        return process.exitValue();
    }

    /**
     * Tells the child that this process is stopping the run and will stop it in turn: a signal it
     * got too is part of this stop. Safe to call from a signal handler.
     */
    public void hold()
    {
        tell(ParentLink.HOLD);
    }

    /** Nanoseconds since the launch, by {@link System#nanoTime()}. */
    public long uptimeNs()
    {
        return System.nanoTime() - startNs;
    }

    /**
     * Asks the child to stop, so that it drains and writes its summary; waits up to the timeout,
     * then kills it. The ask is both the link's word and SIGTERM: a quietloop child takes the word
     * and, having been told, takes the signal as part of the same stop; any other child takes the
     * signal.
     *
     * @return its exit code.
     */
    public int stop(final long timeoutMs)
    {
        askToStop();
        if (!waitFor(timeoutMs))
        {
            destroyForcibly();
            waitFor(timeoutMs);
        }
        return process.isAlive() ? ChildFailedException.NO_EXIT_CODE : process.exitValue();
    }

    /**
     * Asks the child to stop, once, without waiting: so that several children drain at the same time,
     * and then {@link #stop} waits for each.
     */
    public void askToStop()
    {
        if (process.isAlive() && !askedToStop)
        {
            askedToStop = true;
            tell(ParentLink.STOP);
            // SIGTERM through the handle: Process.destroy() would also close the child's pipes, losing
            // the last lines it prints and telling it, by the end of its standard input, that we died.
            process.toHandle().destroy();
        }
    }

    /** Says a word on the child's link; a broken link (the child is gone) is not an error here. */
    private synchronized void tell(final String word)
    {
        try
        {
            link.write((word + "\n").getBytes(StandardCharsets.US_ASCII));
            link.flush();
        }
        catch (final IOException ex)
        {
            // The child exited, or closed its standard input: its exit says the rest.
        }
    }

    /** Kills the child at once (SIGKILL); safe to call from a signal handler. */
    public void destroyForcibly()
    {
        if (process.isAlive())
        {
            forced = true;
            process.destroyForcibly();
        }
    }
}
