package dev.quietloop.bot.send;

import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.WarmUp;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.FrameEncoder;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.zeromq.ZMQ;

/**
 * The frame the sender thread is filling: business events are appended until it is full or the
 * batch ends, then it goes out whole, retried until the socket takes it, never dropped, unless the
 * run abandons the drain; its events are then counted unsent. Each event's ring-to-send time is
 * recorded as its frame leaves. A control frame (heartbeat, end of stream) goes out alone.
 * <p>
 * A frame holds the warm-up's events ({@link WarmUp}) or the others, never both: the first event
 * past the warm-up sends the frame of warm-up events ahead of it, and a frame of warm-up events
 * carries {@link Frame#FLAG_WARM_UP}, so the hops downstream, which cannot know where the warm-up
 * ends, leave the same events out of their headline.
 * Nothing here allocates; it lives on the sender thread with the socket it sends on.
 */
final class PendingFrame
{
    private final FrameEncoder encoder;
    private final IdleStrategy retryIdleStrategy;
    private final NanoClock clock;
    private final BotCounters counters;
    private final RunControl control;
    private final HopLatency ringToSend;
    /** When each business event of the frame entered the ring, while {@link #ringToSend} is timed. */
    private final long[] ringNs;
    private final WarmUp warmUp;
    /**
     * The warm-up's last sequence as this thread last read it: {@link WarmUp#OPEN} until the trading
     * thread ends it, then fixed, so that past it an event costs one plain compare.
     */
    private long warmUpLastSequence;
    /** The events of the frame being filled are the warm-up's. */
    private boolean warmUpFrame;
    private ZMQ.Socket socket;
    private long lastSendNs;

    /**
     * @param retryIdleStrategy idles between attempts to send a frame the socket refused
     * @param clock             when the last frame left, for the heartbeat
     * @param ringToSend        the hop timed as each frame leaves; its {@link HopLatency#warmUp()}, timed or
     *                          not, says which events are the warm-up
     */
    PendingFrame(
        final int maxFrameBytes,
        final IdleStrategy retryIdleStrategy,
        final NanoClock clock,
        final BotCounters counters,
        final RunControl control,
        final HopLatency ringToSend)
    {
        this.encoder = new FrameEncoder(maxFrameBytes);
        this.retryIdleStrategy = retryIdleStrategy;
        this.clock = clock;
        this.counters = counters;
        this.control = control;
        this.ringToSend = ringToSend;
        final int timedPerFrame = ringToSend.isEnabled() ? maxFrameBytes / Event.HEADER_BYTES + 1 : 0;
        this.ringNs = new long[timedPerFrame];
        this.warmUp = ringToSend.warmUp();
        this.warmUpLastSequence = warmUp.lastSequence();
    }

    /** Sends on {@code socket} from now on, which counts as the last send. */
    void sendOn(final ZMQ.Socket socket)
    {
        this.socket = socket;
        lastSendNs = clock.nanoTime();
    }

    boolean isEmpty()
    {
        return encoder.isEmpty();
    }

    /** When the last frame left, or a heartbeat was offered. */
    long lastSendNs()
    {
        return lastSendNs;
    }

    /**
     * Appends a business event, sending the frame first when it has no room left.
     *
     * @return false if that send was abandoned: the event is not taken, and counted unsent.
     */
    boolean append(final Event event)
    {
        final boolean warmUpEvent = isWarmUp(event.sequence);
        if (warmUpEvent != warmUpFrame)
        {
            if (!encoder.isEmpty() && !send())
            {
                counters.unsent.incrementRelease();
                return false;
            }
            warmUpFrame = warmUpEvent;
            encoder.reset(businessFlags());
        }
        if (!encoder.tryAppend(event))
        {
            if (!send())
            {
                counters.unsent.incrementRelease();
                return false;
            }
            encoder.tryAppend(event);
        }
        if (ringToSend.isEnabled())
        {
            ringNs[encoder.eventCount() - 1] = event.ringNs;
        }
        return true;
    }

    /** Sends the pending events; if the drain is abandoned, counts them as unsent instead. */
    boolean send()
    {
        final int eventCount = encoder.eventCount();
        final boolean sent = sendFrame();
        if (sent)
        {
            counters.eventsSent.getAndAddRelease(eventCount);
            if (ringToSend.isEnabled())
            {
                recordRingToSend(eventCount);
            }
        }
        else
        {
            counters.unsent.getAndAddRelease(eventCount);
        }
        encoder.reset(businessFlags());
        return sent;
    }

    /** Sends a control frame of its own, retried as any frame is. @return false if the drain was abandoned. */
    boolean sendControl(final Event event)
    {
        encoder.control(event);
        final boolean sent = sendFrame();
        encoder.reset(businessFlags());
        return sent;
    }

    /** Offers a control frame once, at {@code nowNs}: skipped if the socket is full. @return true if it went. */
    boolean offerControl(final Event event, final long nowNs)
    {
        lastSendNs = nowNs;
        encoder.control(event);
        final boolean sent = socket.send(encoder.buffer(), 0, encoder.length(), ZMQ.DONTWAIT);
        if (sent)
        {
            counters.framesSent.incrementRelease();
        }
        encoder.reset(businessFlags());
        return sent;
    }

    /**
     * Whether the event with this sequence is the warm-up's. The trading thread ends an open warm-up
     * before it publishes past it, and the ring orders that end before the event, so an event that
     * still finds it open is within it; once ended, the boundary never moves again.
     */
    private boolean isWarmUp(final long sequence)
    {
        if (sequence > warmUpLastSequence)
        {
            return false;
        }
        if (warmUpLastSequence == WarmUp.OPEN)
        {
            warmUpLastSequence = warmUp.lastSequence();
        }
        return sequence <= warmUpLastSequence;
    }

    private int businessFlags()
    {
        return warmUpFrame ? Frame.FLAG_WARM_UP : 0;
    }

    private boolean sendFrame()
    {
        final byte[] buffer = encoder.buffer();
        final int length = encoder.length();
        final IdleStrategy idleStrategy = retryIdleStrategy;
        idleStrategy.reset();
        while (!socket.send(buffer, 0, length, ZMQ.DONTWAIT))
        {
            if (control.isAbandoned())
            {
                return false;
            }
            idleStrategy.idle();
        }
        counters.framesSent.incrementRelease();
        lastSendNs = clock.nanoTime();
        return true;
    }

    /**
     * Every event of the frame just sent was handed to the socket now. The clock is the one that
     * stamped {@link Event#ringNs}, not the sender's {@link NanoClock}, which a test may replace.
     */
    private void recordRingToSend(final int eventCount)
    {
        final long sentNs = System.nanoTime();
        final long[] ringNs = this.ringNs;
        final boolean warmUpFrame = this.warmUpFrame;
        for (int i = 0; i < eventCount; i++)
        {
            ringToSend.record(ringNs[i], sentNs, 1, warmUpFrame);
        }
    }
}
