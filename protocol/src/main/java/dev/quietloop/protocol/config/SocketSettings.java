package dev.quietloop.protocol.config;

import dev.quietloop.wire.Endpoint;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Frame;
import net.openhft.chronicle.wire.WireOut;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The ZeroMQ options quietloop sets explicitly on every socket, and the one place sockets are
 * created and bound. A socket belongs to the thread that uses it: create it there, close it there.
 *
 * @param lingerMs            how long close() keeps trying to deliver queued frames
 * @param highWaterMark       frames queued per peer before send refuses (SNDHWM and RCVHWM)
 * @param reconnectIvlMs      first reconnect delay
 * @param reconnectIvlMaxMs   reconnect backoff ceiling
 * @param heartbeatIvlMs      ZMTP heartbeat interval, which detects a dead peer on an idle link
 * @param heartbeatTimeoutMs  no traffic for this long closes the connection
 * @param maxFrameBytes       a receiver drops a peer that sends a larger frame
 * @param handshakeIvlMs      a connection whose ZMTP handshake has not finished by then is dropped and
 *                            retried: JeroMQ 0.6.0 now and then leaves a fresh loopback connection stuck
 *                            in its handshake, and the default (30 s) would stall a run that long
 * @param kernelBufferBytes   SO_SNDBUF and SO_RCVBUF, or 0 for the operating system's default; small
 *                            buffers make back-pressure reach the producer sooner
 */
public record SocketSettings(
    int lingerMs,
    int highWaterMark,
    int reconnectIvlMs,
    int reconnectIvlMaxMs,
    int heartbeatIvlMs,
    int heartbeatTimeoutMs,
    int maxFrameBytes,
    int handshakeIvlMs,
    int kernelBufferBytes)
{
    public static final SocketSettings DEFAULTS = new SocketSettings(
        1_000, 1_000, 100, 1_000, 1_000, 5_000, Frame.MAX_FRAME_BYTES, 1_000, 0);

    public SocketSettings
    {
        if (highWaterMark < 1)
        {
            throw new ConfigException("high-water mark must be at least 1: " + highWaterMark);
        }
        if (kernelBufferBytes < 0)
        {
            throw new ConfigException("kernel buffer bytes must be 0 (default) or more: " + kernelBufferBytes);
        }
    }

    public SocketSettings withLingerMs(final int lingerMs)
    {
        return new SocketSettings(lingerMs, highWaterMark, reconnectIvlMs, reconnectIvlMaxMs,
            heartbeatIvlMs, heartbeatTimeoutMs, maxFrameBytes, handshakeIvlMs, kernelBufferBytes);
    }

    public SocketSettings withHighWaterMark(final int highWaterMark)
    {
        return new SocketSettings(lingerMs, highWaterMark, reconnectIvlMs, reconnectIvlMaxMs,
            heartbeatIvlMs, heartbeatTimeoutMs, maxFrameBytes, handshakeIvlMs, kernelBufferBytes);
    }

    public SocketSettings withMaxFrameBytes(final int maxFrameBytes)
    {
        return new SocketSettings(lingerMs, highWaterMark, reconnectIvlMs, reconnectIvlMaxMs,
            heartbeatIvlMs, heartbeatTimeoutMs, maxFrameBytes, handshakeIvlMs, kernelBufferBytes);
    }

    public SocketSettings withKernelBufferBytes(final int kernelBufferBytes)
    {
        return new SocketSettings(lingerMs, highWaterMark, reconnectIvlMs, reconnectIvlMaxMs,
            heartbeatIvlMs, heartbeatTimeoutMs, maxFrameBytes, handshakeIvlMs, kernelBufferBytes);
    }

    /**
     * Every field under its own name, for the run's {@code config.yaml}: the parent writes these
     * as its {@code sockets} map ({@code wire.write("sockets").marshallable(sockets::writeYaml)}).
     */
    public void writeYaml(final WireOut wire)
    {
        wire.write("lingerMs").int64(lingerMs);
        wire.write("highWaterMark").int64(highWaterMark);
        wire.write("reconnectIvlMs").int64(reconnectIvlMs);
        wire.write("reconnectIvlMaxMs").int64(reconnectIvlMaxMs);
        wire.write("heartbeatIvlMs").int64(heartbeatIvlMs);
        wire.write("heartbeatTimeoutMs").int64(heartbeatTimeoutMs);
        wire.write("maxFrameBytes").int64(maxFrameBytes);
        wire.write("handshakeIvlMs").int64(handshakeIvlMs);
        wire.write("kernelBufferBytes").int64(kernelBufferBytes);
    }

    /**
     * The two settings a flag sets ({@code --hwm}, {@code --socket-buffer-bytes}), as flat keys
     * named after their flags, for a section of {@code config.yaml} that {@code --config} reads back.
     */
    public void writeFlags(final WireOut wire)
    {
        wire.write(SocketOptions.HWM_FLAG.substring(2)).int64(highWaterMark);
        wire.write(SocketOptions.BUFFER_FLAG.substring(2)).int64(kernelBufferBytes);
    }

    /** The broker's socket to the sidecar. */
    public ZMQ.Socket push(final ZContext context)
    {
        return connecting(context, SocketType.PUSH);
    }

    /** The sidecar's socket. */
    public ZMQ.Socket pull(final ZContext context)
    {
        return binding(context, SocketType.PULL);
    }

    /**
     * The bot's socket: a DEALER sends like a PUSH (fire and forget, queued up to the high-water
     * mark) and also takes the broker's acknowledgements back on the same connection.
     */
    public ZMQ.Socket dealer(final ZContext context)
    {
        return connecting(context, SocketType.DEALER);
    }

    /**
     * The broker's ingest: a ROUTER receives like a PULL, each frame with the identity of the
     * connection it came by, to which the acknowledgement goes back.
     */
    public ZMQ.Socket router(final ZContext context)
    {
        return binding(context, SocketType.ROUTER);
    }

    /** A socket that connects and sends: both kernel buffers are its own to size. */
    private ZMQ.Socket connecting(final ZContext context, final SocketType type)
    {
        final ZMQ.Socket socket = configure(context.createSocket(type));
        if (kernelBufferBytes > 0)
        {
            socket.setSendBufferSize(kernelBufferBytes);
        }
        return socket;
    }

    /**
     * A socket that binds and receives. JeroMQ would apply SO_SNDBUF to the listening channel,
     * which refuses that option (UnsupportedOperationException), so only SO_RCVBUF is set.
     */
    private ZMQ.Socket binding(final ZContext context, final SocketType type)
    {
        final ZMQ.Socket socket = configure(context.createSocket(type));
        if (kernelBufferBytes > 0)
        {
            socket.setReceiveBufferSize(kernelBufferBytes);
        }
        return socket;
    }

    private ZMQ.Socket configure(final ZMQ.Socket socket)
    {
        socket.setLinger(lingerMs);
        socket.setSndHWM(highWaterMark);
        socket.setRcvHWM(highWaterMark);
        socket.setReconnectIVL(reconnectIvlMs);
        socket.setReconnectIVLMax(reconnectIvlMaxMs);
        socket.setHeartbeatIvl(heartbeatIvlMs);
        socket.setHeartbeatTimeout(heartbeatTimeoutMs);
        socket.setHeartbeatTtl(heartbeatTimeoutMs);
        limitMessageBytes(socket, maxFrameBytes);
        socket.setHandshakeIvl(handshakeIvlMs);
        // Keep frames queued across reconnects. JeroMQ 0.6.0 now and then leaves a fresh outgoing
        // connection unregistered from its selector (jeromq#1022, unmerged): the handshake timer
        // drops and redials it, and with immediate=false the frames already in its pipe would go
        // with it. With JeroMQ's immediate=true (its flag is inverted against libzmq's) they wait
        // for the redial instead. The price: with no peer at all, up to the high-water mark of
        // frames is accepted before sends are refused; the accounting counts any that never arrive.
        socket.setImmediate(true);
        return socket;
    }

    /**
     * Bounds what a peer may send: JeroMQ drops a peer whose message is larger, and the guard makes
     * an empty message of a size no honest peer sends (JeroMQ 0.6.0 reads a top-bit size as negative
     * and would let it kill its I/O thread). Both bounds are one: a CURVE server raises it by CURVE's
     * own bytes per message.
     */
    public static void limitMessageBytes(final ZMQ.Socket socket, final int maxMessageBytes)
    {
        socket.setMaxMsgSize(maxMessageBytes);
        socket.setMsgAllocator(new FrameSizeGuard(maxMessageBytes));
    }

    /**
     * Closes a socket of {@code context}, leaving it {@code lingerMs} to deliver what it still queues.
     * Both lingers: the context applies its own (0 by default) when it closes, which would drop them.
     */
    public static void close(final ZContext context, final ZMQ.Socket socket, final int lingerMs)
    {
        socket.setLinger(lingerMs);
        context.setLinger(lingerMs);
        socket.close();
    }

    /**
     * Binds and returns the endpoint really bound (the chosen port when asked for an ephemeral one).
     *
     * @throws ConfigException naming the endpoint when the port is taken or the host is not local.
     */
    public static Endpoint bind(final ZMQ.Socket socket, final Endpoint endpoint)
    {
        try
        {
            if (!socket.bind(endpoint.zmqAddress()))
            {
                throw new ConfigException("cannot bind " + endpoint + ": " + ZMQ.Error.findByCode(socket.errno()));
            }
        }
        catch (final ZMQException ex)
        {
            throw new ConfigException("cannot bind " + endpoint + ": " + describe(ex), ex);
        }
        return Endpoint.parse(socket.getLastEndpoint());
    }

    public static void connect(final ZMQ.Socket socket, final Endpoint endpoint)
    {
        if (endpoint.isEphemeral())
        {
            throw new ConfigException("cannot connect to " + endpoint + ": a port is needed");
        }
        try
        {
            socket.connect(endpoint.zmqAddress());
        }
        catch (final ZMQException ex)
        {
            throw new ConfigException("cannot connect to " + endpoint + ": " + describe(ex), ex);
        }
    }

    private static String describe(final ZMQException ex)
    {
        final ZMQ.Error error = ZMQ.Error.findByCode(ex.getErrorCode());
        if (error == ZMQ.Error.EADDRINUSE)
        {
            return "address already in use";
        }
        if (error == ZMQ.Error.EADDRNOTAVAIL)
        {
            return "address not available on this host";
        }
        return error == null ? String.valueOf(ex.getMessage()) : error.getMessage();
    }
}
