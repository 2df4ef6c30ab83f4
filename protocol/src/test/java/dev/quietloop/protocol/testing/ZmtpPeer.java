package dev.quietloop.protocol.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import dev.quietloop.wire.Endpoint;

/**
 * A hand-written ZMTP 3.0 peer over a plain TCP socket, for fuzzing a listening socket with bytes
 * no ZeroMQ library would send: a greeting (NULL mechanism), a READY command as a PUSH, message
 * frames with any announced size, or anything at all. Loopback only.
 */
public final class ZmtpPeer implements AutoCloseable
{
    public static final int GREETING_BYTES = 64;
    private static final int FLAG_LONG = 0x02;
    /** A bound on a handshake read, so a receiver that never answers fails the test instead of hanging it. */
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final int FLAG_COMMAND = 0x04;

    private final Socket socket;
    private final OutputStream out;

    private ZmtpPeer(final Socket socket) throws IOException
    {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** A TCP connection to {@code endpoint}'s port on loopback; nothing sent yet. */
    public static ZmtpPeer connect(final Endpoint endpoint)
    {
        try
        {
            final Socket socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.port());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            return new ZmtpPeer(socket);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** The 64-byte ZMTP 3.0 greeting: signature, version 3.0, mechanism NULL, as-server 0. */
    public static byte[] greeting()
    {
        final byte[] greeting = new byte[GREETING_BYTES];
        greeting[0] = (byte)0xFF;
        greeting[9] = 0x7F;
        greeting[10] = 3;
        greeting[11] = 0;
        final byte[] mechanism = "NULL".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mechanism, 0, greeting, 12, mechanism.length);
        return greeting;
    }

    /**
     * Greeting and READY as a PUSH, each after the server's: what a PULL needs before it takes this
     * peer's messages. A message sent before the server's READY would be taken as a second command.
     */
    public ZmtpPeer handshake()
    {
        return handshakeAs("PUSH");
    }

    /** The handshake as a peer of {@code socketType}: DEALER for the broker's ingest, PUSH for a sidecar. */
    public ZmtpPeer handshakeAs(final String socketType)
    {
        write(greeting());
        read(GREETING_BYTES);
        final byte[] name = "Socket-Type".getBytes(StandardCharsets.US_ASCII);
        final byte[] value = socketType.getBytes(StandardCharsets.US_ASCII);
        final ByteBuffer ready = ByteBuffer.allocate(1 + 5 + 1 + name.length + 4 + value.length);
        ready.put((byte)5).put("READY".getBytes(StandardCharsets.US_ASCII));
        ready.put((byte)name.length).put(name).putInt(value.length).put(value);
        frame(FLAG_COMMAND, ready.array());
        final byte[] header = read(2);
        if ((header[0] & FLAG_COMMAND) == 0 || (header[0] & FLAG_LONG) != 0)
        {
            throw new IllegalStateException("expected the server's READY, got flags " + header[0]);
        }
        read(header[1] & 0xFF);
        return this;
    }

    private byte[] read(final int length)
    {
        try
        {
            final byte[] bytes = socket.getInputStream().readNBytes(length);
            if (bytes.length != length)
            {
                throw new IllegalStateException("the server closed the connection during the handshake");
            }
            return bytes;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** One message frame holding {@code body}: short or long form as its size needs. */
    public ZmtpPeer message(final byte[] body)
    {
        return frame(0, body);
    }

    /**
     * A long-form message frame header announcing {@code size} (taken as an unsigned 64-bit number,
     * so a negative value has the top bit set), followed by {@code body} however long that is.
     */
    public ZmtpPeer announce(final long size, final byte[] body)
    {
        final ByteBuffer header = ByteBuffer.allocate(9);
        header.put((byte)FLAG_LONG).putLong(size);
        write(header.array());
        return write(body);
    }

    /** Random bytes from {@code random}, {@code length} of them. */
    public ZmtpPeer random(final Random random, final int length)
    {
        final byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return write(bytes);
    }

    public ZmtpPeer write(final byte[] bytes)
    {
        try
        {
            out.write(bytes);
            out.flush();
        }
        catch (final IOException ex)
        {
            // the receiver may drop a hostile peer at any point: what was not sent is the peer's loss
        }
        return this;
    }

    /** Closes at once with a reset, as a crashed or hostile peer does. */
    public void abort()
    {
        try
        {
            socket.setSoLinger(true, 0);
            socket.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close()
    {
        try
        {
            socket.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private ZmtpPeer frame(final int flags, final byte[] body)
    {
        final ByteBuffer frame;
        if (body.length > 255)
        {
            frame = ByteBuffer.allocate(9 + body.length).put((byte)(flags | FLAG_LONG)).putLong(body.length);
        }
        else
        {
            frame = ByteBuffer.allocate(2 + body.length).put((byte)flags).put((byte)body.length);
        }
        frame.put(body);
        return write(frame.array());
    }
}
