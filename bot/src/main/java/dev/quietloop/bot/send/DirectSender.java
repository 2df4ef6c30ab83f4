package dev.quietloop.bot.send;

import java.util.concurrent.locks.LockSupport;

import dev.quietloop.bot.config.SenderContext;
import dev.quietloop.bot.publish.EventSink;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.FrameEncoder;
import dev.quietloop.protocol.config.SocketSettings;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The naive way quietloop exists to avoid, kept as the baseline of the isolation benchmark
 * ({@code --send-mode direct}): the trading thread encodes each event into a frame of its own
 * and sends it on the PUSH socket itself, waiting while the socket is full. Whatever slows the
 * pipeline downstream then slows the trading thread. The run has no ring and no sender thread:
 * this sink and its one socket are all there is between the trading thread and the broker.
 * <p>
 * A wait is bounded by the socket's send timeout ({@link #SEND_TIMEOUT_MS}): a naive sender that
 * waited for ever would hang the replay for good behind a dead sidecar, and a benchmark could not
 * finish. An event not taken in time is counted unsent, so the run still balances.
 * <p>
 * No heartbeats. The bot's heartbeat frames carry its counters in-band for whoever reads the
 * stream; nothing downstream depends on them (the broker forwards them as any control frame, the
 * stub counts them by type, and run comparisons skip them since they count time, not trading).
 * The link's liveness is ZMTP's own heartbeat, which JeroMQ's I/O thread keeps on this socket as
 * on any other, and the counters are live in the counters file ({@code bin/stat.sh}). Sending
 * them here would put a clock read and a branch on every tick of the trading thread, or bring
 * back the second thread and connection that this mode has no place for.
 * <p>
 * The socket is created and connected by {@link #connect} on the thread that builds the run,
 * before the trading thread starts; used by the trading thread only; and closed by
 * {@link #close()} once the trading thread has been joined. Starting and joining the thread are
 * the full memory barriers that ZeroMQ asks for when a socket passes from one thread to another,
 * and no two threads ever use it at once.
 */
public final class DirectSender implements EventSink, AutoCloseable
{
    /** How long one send may wait for room on the socket. */
    public static final int SEND_TIMEOUT_MS = 100;
    /** Acknowledgements are read every this many sends: the trading thread owns the socket here. */
    private static final int ACK_POLL_SENDS = 64;
    private static final long ACK_WAIT_SLICE_NS = 1_000_000;

    private final ZContext context;
    private final ZMQ.Socket socket;
    private final FrameEncoder encoder;
    private final BotCounters counters;
    private final RunControl control;
    private final int lingerMs;
    private final AckReader acks;
    private int sendsSinceAckPoll;

    private DirectSender(
        final ZContext context,
        final ZMQ.Socket socket,
        final int maxFrameBytes,
        final int lingerMs,
        final BotCounters counters,
        final RunControl control,
        final AckReader acks)
    {
        this.context = context;
        this.acks = acks;
        this.socket = socket;
        this.encoder = new FrameEncoder(maxFrameBytes);
        this.lingerMs = lingerMs;
        this.counters = counters;
        this.control = control;
        socket.setSendTimeOut(SEND_TIMEOUT_MS);
    }

    /**
     * Creates the link's socket of {@code context} (plain, or a CURVE client's), connects it to the
     * broker and waits up to the link wait for the handshake ({@link BotCounters#linkWaitTimedOut}
     * says if it ran out).
     *
     * @param link    the concluded link to the broker
     * @param control its drain deadline bounds how long {@link #close()} leaves the socket to deliver
     * @param epoch   this run's, for the acknowledgements it takes
     */
    public static DirectSender connect(
        final SenderContext link,
        final ZContext context,
        final BotCounters counters,
        final RunControl control,
        final long epoch)
    {
        final SocketSettings settings = link.linkSockets();
        final ZMQ.Socket socket = link.linkSocketFactory().create(settings, context);
        try
        {
            LinkWait.connect(socket, link.broker(), link.linkWaitMs(), control, counters);
        }
        catch (final RuntimeException ex)
        {
            socket.close();
            throw ex;
        }
        return new DirectSender(context, socket, link.maxFrameBytes(), settings.lingerMs(), counters, control,
            new AckReader(counters, link.sourceId(), epoch));
    }

    /** Sends one business event in a frame of its own, waiting for room. @return false if it timed out. */
    @Override
    public boolean offer(final Event event)
    {
        encoder.reset(0).tryAppend(event);
        if (socket.send(encoder.buffer(), 0, encoder.length(), 0))
        {
            counters.eventsSent.incrementRelease();
            counters.framesSent.incrementRelease();
            if (++sendsSinceAckPoll == ACK_POLL_SENDS)
            {
                sendsSinceAckPoll = 0;
                acks.poll(socket); // unread, they would fill the socket's queue and the last would be dropped
            }
            return true;
        }
        counters.unsent.incrementRelease();
        return false;
    }

    /** Sends the end of stream with the events sent so far. @return false if it timed out: the caller retries. */
    @Override
    public boolean offerEndOfStream(final Event endOfStream)
    {
        endOfStream.eventsSent = counters.eventsSent.getPlain();
        encoder.control(endOfStream);
        if (socket.send(encoder.buffer(), 0, encoder.length(), 0))
        {
            counters.framesSent.incrementRelease();
            return true;
        }
        return false;
    }

    /**
     * Closes the socket, after the trading thread has ended, leaving it what remains of the drain
     * to deliver what it still queues (the socket's own linger when no drain has begun).
     */
    @Override
    public void close()
    {
        awaitEndOfStreamAcked();
        SocketSettings.close(context, socket, control.closeLingerMs(System.nanoTime(), lingerMs));
    }

    /** Until the broker acknowledges the end of stream, within what remains of the drain. */
    private void awaitEndOfStreamAcked()
    {
        while (true)
        {
            acks.poll(socket);
            if (acks.isEndOfStreamAcked() || control.isPastDeadline(System.nanoTime()) || !control.isDraining())
            {
                return;
            }
            LockSupport.parkNanos(ACK_WAIT_SLICE_NS);
        }
    }
}
