package dev.quietloop.bot.send;

import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.wire.Ack;
import org.zeromq.ZMQ;

/**
 * Reads the broker's acknowledgements off the bot's socket, which owns them with its thread: the
 * events the broker has taken ({@code bot.eventsAcked}, cumulative) and whether it has taken the
 * end of stream. What the bot sent and no acknowledgement covers was not proven delivered. No
 * allocation; an acknowledgement of another source or epoch, or not one at all, is ignored.
 */
final class AckReader
{
    private final byte[] buffer = new byte[Ack.BYTES + 1];
    private final BotCounters counters;
    private final int sourceId;
    private final long epoch;
    private boolean endOfStreamAcked;

    AckReader(final BotCounters counters, final int sourceId, final long epoch)
    {
        this.counters = counters;
        this.sourceId = sourceId;
        this.epoch = epoch;
    }

    /** Takes every acknowledgement waiting on {@code socket}; @return how many there were. */
    int poll(final ZMQ.Socket socket)
    {
        int read = 0;
        int length;
        while ((length = socket.recv(buffer, 0, buffer.length, ZMQ.DONTWAIT)) >= 0)
        {
            read++;
            if (Ack.isValid(buffer, length) && Ack.sourceId(buffer) == sourceId && Ack.epoch(buffer) == epoch)
            {
                final long events = Ack.eventsTaken(buffer);
                if (events > counters.eventsAcked.getPlain())
                {
                    counters.eventsAcked.setRelease(events);
                }
                endOfStreamAcked |= Ack.endOfStream(buffer);
            }
        }
        return read;
    }

    /** True once the broker has acknowledged the end of stream: it has taken everything before it. */
    boolean isEndOfStreamAcked()
    {
        return endOfStreamAcked;
    }
}
