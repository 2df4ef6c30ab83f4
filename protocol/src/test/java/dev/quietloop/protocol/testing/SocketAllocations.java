package dev.quietloop.protocol.testing;

import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.wire.testing.Allocations;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * What JeroMQ allocates inside a socket's send or receive is its cost, not ours: these helpers
 * count it apart, so an agent's own hot path can be proven allocation-free around its socket calls.
 * Shared with the other modules as protocol's test jar.
 */
public final class SocketAllocations
{
    private SocketAllocations()
    {
    }

    /**
     * The fewest bytes one call of {@code work} allocated outside the calls of {@code sockets} over up
     * to {@code attempts} calls: what JeroMQ allocates inside a send or a receive is its cost, not ours.
     */
    public static long fewestBytesOutside(final Runnable work, final int attempts, final CountingSocket... sockets)
    {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < attempts && fewest > 0; i++)
        {
            final long socketsBefore = socketBytes(sockets);
            final long before = Allocations.threadBytes();
            work.run();
            final long allocated = Allocations.threadBytes() - before;
            fewest = Math.min(fewest, allocated - (socketBytes(sockets) - socketsBefore));
        }
        return fewest;
    }

    private static long socketBytes(final CountingSocket[] sockets)
    {
        long bytes = 0;
        for (final CountingSocket socket : sockets)
        {
            bytes += socket.allocatedBytes();
        }
        return bytes;
    }

    /**
     * A view of a JeroMQ socket, sharing its state, that counts the bytes JeroMQ allocates on the
     * calling thread inside the byte-array send and receive quietloop's agents use: a copy of the
     * frame and a message per send, and now and then tens of bytes more, as it signals its I/O
     * thread. How often depends on how that thread keeps up, so it varies from run to run: a
     * JeroMQ-only baseline cannot be subtracted exactly, and these calls are measured one by one
     * instead. Any other call is not counted, so its bytes would show as the caller's: a test fails,
     * never passes wrongly. Closing the view closes the socket.
     */
    public static final class CountingSocket extends ZMQ.Socket
    {
        private final ZMQ.Socket socket;
        private long allocatedBytes;

        public CountingSocket(final ZMQ.Socket socket)
        {
            super(socket.base());
            this.socket = socket;
        }

        @Override
        public boolean send(final byte[] data, final int off, final int length, final int flags)
        {
            final long before = Allocations.threadBytes();
            final boolean sent = super.send(data, off, length, flags);
            allocatedBytes += Allocations.threadBytes() - before;
            return sent;
        }

        @Override
        public int recv(final byte[] buffer, final int offset, final int length, final int flags)
        {
            final long before = Allocations.threadBytes();
            final int received = super.recv(buffer, offset, length, flags);
            allocatedBytes += Allocations.threadBytes() - before;
            return received;
        }

        @Override
        public void close()
        {
            socket.close();
        }

        /** Bytes JeroMQ allocated inside the counted calls so far. */
        public long allocatedBytes()
        {
            return allocatedBytes;
        }
    }

    /**
     * Hands an agent, at construction, a {@link CountingSocket} over the socket {@code real} makes,
     * and keeps it for the test: the agent makes its socket on its own thread when it starts, so a
     * test can neither make that socket for it nor swap it afterwards without a seam of its own.
     */
    public static final class CountingSocketFactory implements SocketFactory
    {
        private final SocketFactory real;
        private CountingSocket socket;

        public CountingSocketFactory(final SocketFactory real)
        {
            this.real = real;
        }

        @Override
        public ZMQ.Socket create(final SocketSettings settings, final ZContext context)
        {
            socket = new CountingSocket(real.create(settings, context));
            return socket;
        }

        /** The socket made last, by the agent's {@code onStart()}. */
        public CountingSocket socket()
        {
            if (null == socket)
            {
                throw new IllegalStateException("no socket made yet: start the agent first");
            }
            return socket;
        }
    }
}
