package dev.quietloop.protocol.wake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

import org.zeromq.ZMQ;

/**
 * Blocks until a JeroMQ socket has a message to read, through the socket's signalling channel
 * ({@code ZMQ_FD}) registered once with a selector of its own: what {@code ZMQ.poll} does, without
 * the maps it builds on every call.
 * <p>
 * JeroMQ's I/O thread signals that channel when a message reaches a socket whose reader has
 * drained it. The agent reads with {@code DONTWAIT} until the socket is empty before it idles, and
 * {@link #awaitWork} asks the socket for {@code POLLIN} before it selects, so a message that came
 * in between is seen at once. Used and closed on the socket's own thread.
 */
public final class SocketWait implements WorkWait, AutoCloseable
{
    private final ZMQ.Socket socket;
    private final Selector selector;

    public SocketWait(final ZMQ.Socket socket)
    {
        this.socket = socket;
        try
        {
            selector = Selector.open();
            socket.getFD().register(selector, SelectionKey.OP_READ);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot watch the socket for input", ex);
        }
    }

    @Override
    public void awaitWork(final long maxWaitNs)
    {
        if ((socket.getEvents() & ZMQ.Poller.POLLIN) != 0)
        {
            return;
        }
        try
        {
            selector.select(Math.max(1, maxWaitNs / 1_000_000));
            selector.selectedKeys().clear();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot wait for the socket", ex);
        }
    }

    @Override
    public void close()
    {
        try
        {
            selector.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot close the socket's selector", ex);
        }
    }
}
