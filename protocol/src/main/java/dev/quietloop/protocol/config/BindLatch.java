package dev.quietloop.protocol.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;

/**
 * The endpoint an agent binds on its own thread, in {@code onStart()}, handed to the thread that
 * started it and waits: a JeroMQ socket belongs to the thread that made it, so the bind cannot
 * happen on the waiting thread, and its outcome (the port an ephemeral endpoint got, or why it
 * failed) has to travel back.
 */
public final class BindLatch
{
    private final String what;
    private final CompletableFuture<Endpoint> bound = new CompletableFuture<>();

    /** @param what the socket, as a failure names it ({@code "ingest tcp://127.0.0.1:5556"}) */
    public BindLatch(final String what)
    {
        this.what = what;
    }

    /** The agent bound: {@code endpoint} is where, with the port really chosen. */
    public void bound(final Endpoint endpoint)
    {
        bound.complete(endpoint);
    }

    /** The agent could not bind; the waiting thread gets {@code cause}. */
    public void failed(final Throwable cause)
    {
        bound.completeExceptionally(cause);
    }

    /**
     * Waits for the agent's bind.
     *
     * @return the endpoint really bound.
     * @throws ConfigException (or another unchecked exception) as the agent failed with it, so a
     *         taken port reaches the user as the one line the socket layer wrote for it.
     * @throws IllegalStateException when the agent did not bind in time, or the wait was interrupted.
     */
    public Endpoint await(final long timeoutMs)
    {
        try
        {
            return bound.get(timeoutMs, TimeUnit.MILLISECONDS);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof RuntimeException)
            {
                throw (RuntimeException)ex.getCause();
            }
            throw new IllegalStateException("cannot bind " + what + ": " + ex.getCause(), ex.getCause());
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalStateException(what + " not bound after " + timeoutMs + " ms", ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + what, ex);
        }
    }
}
