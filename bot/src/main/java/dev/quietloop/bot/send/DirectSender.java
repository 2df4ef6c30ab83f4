package dev.quietloop.bot.send;

import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.protocol.Event;
import dev.quietloop.protocol.FrameEncoder;
import org.zeromq.ZMQ;

/**
 * The naive way quietloop exists to avoid, kept as the baseline of the isolation benchmark
 * ({@code --send-mode direct}): the trading thread encodes each event into a frame of its own
 * and sends it on the PUSH socket itself, waiting while the socket is full. Whatever slows the
 * pipeline downstream then slows the trading thread.
 * <p>
 * A wait is bounded by the socket's send timeout ({@link #SEND_TIMEOUT_MS}): a naive sender that
 * waited for ever would hang the replay for good behind a dead sidecar, and a benchmark could not
 * finish. An event not taken in time is counted unsent, so the run still balances.
 */
public final class DirectSender
{
    /** How long one send may wait for room on the socket. */
    public static final int SEND_TIMEOUT_MS = 100;

    private final ZMQ.Socket socket;
    private final FrameEncoder encoder;
    private final BotCounters counters;

    /** @param socket a connected PUSH socket, used from now on by the trading thread only */
    public DirectSender(final ZMQ.Socket socket, final int maxFrameBytes, final BotCounters counters)
    {
        this.socket = socket;
        this.encoder = new FrameEncoder(maxFrameBytes);
        this.counters = counters;
        socket.setSendTimeOut(SEND_TIMEOUT_MS);
    }

    /** Sends one business event in a frame of its own, waiting for room. @return false if it timed out. */
    public boolean send(final Event event)
    {
        encoder.reset(0).tryAppend(event);
        if (socket.send(encoder.buffer(), 0, encoder.length(), 0))
        {
            counters.eventsSent.incrementRelease();
            counters.framesSent.incrementRelease();
            return true;
        }
        counters.unsent.incrementRelease();
        return false;
    }

    /** Sends the end of stream with the events sent so far. @return false if it timed out: the caller retries. */
    public boolean sendEndOfStream(final Event endOfStream)
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
}
