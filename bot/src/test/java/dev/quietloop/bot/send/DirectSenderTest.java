package dev.quietloop.bot.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.quietloop.bot.config.SenderContext;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.FrameDecoder;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.testing.AckingRouter;
import dev.quietloop.protocol.testing.LoopbackPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

@Timeout(30)
class DirectSenderTest
{
    private static final int SOURCE_ID = 4;
    private static final long EPOCH = 77;

    private final BotCounters counters = new BotCounters();
    private final RunControl control = new RunControl();
    private final ZContext context = new ZContext(1);

    @AfterEach
    void close()
    {
        context.close();
    }

    @Test
    void shouldSendEachEventInAFrameOfItsOwnThenTheEndOfStreamWithTheEventsSent()
    {
        final ZMQ.Socket router = SocketSettings.DEFAULTS.router(context);
        router.setReceiveTimeOut(10_000);
        final Endpoint endpoint = SocketSettings.bind(router, Endpoint.loopback(Endpoint.EPHEMERAL));
        final AckingRouter broker = new AckingRouter(router);
        final List<Integer> eventsPerFrame = new ArrayList<>();
        final List<Event> received = new ArrayList<>();

        try (DirectSender sender =
            DirectSender.connect(link(endpoint, SocketSettings.DEFAULTS, 30_000), context, counters, control, EPOCH))
        {
            final EventPublisher publisher =
                new EventPublisher(sender, SOURCE_ID, EPOCH, counters.eventsProduced, counters.ringRejected);
            for (int i = 0; i < 5; i++)
            {
                publisher.beginTick(i, 1_000 + i);
                assertTrue(publisher.publishSignal(1, Event.SIDE_BUY, 1, 100 + i, i));
            }
            assertTrue(publisher.tryPublishEndOfStream(5, 1_004));

            final FrameDecoder decoder = new FrameDecoder(Frame.MAX_FRAME_BYTES);
            while (received.isEmpty() || received.get(received.size() - 1).type != EventType.END_OF_STREAM)
            {
                final int length = broker.recv(decoder.buffer(), 0, decoder.buffer().length, 0);
                eventsPerFrame.add(decoder.decode(length, event -> received.add(new Event().copyFrom(event))));
            }
            control.beginDrain(System.nanoTime() + TimeUnit.SECONDS.toNanos(30)); // close waits for the last acknowledgement
        }

        assertEquals(List.of(1, 1, 1, 1, 1, 1), eventsPerFrame, "one event a frame, the end of stream's own");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 0L), received.stream().map(event -> event.sequence).toList());
        final Event endOfStream = received.get(5);
        assertEquals(5, endOfStream.eventsProduced);
        assertEquals(5, endOfStream.eventsSent);
        assertEquals(0, endOfStream.ringRejected, "no ring");
        assertEquals(5, counters.eventsSent.get());
        assertEquals(6, counters.framesSent.get(), "the end of stream's frame too");
        assertEquals(0, counters.unsent.get());
        assertEquals(0, counters.heartbeatsSent.get(), "the naive baseline sends no heartbeats");
        assertEquals(0, counters.linkWaitTimedOut.get(), "the replay began once the broker had handshaken");
        assertEquals(5, counters.eventsAcked.get(), "the broker acknowledged every event, end of stream included");
    }

    @Test
    void shouldCountAnEventUnsentWhenTheSocketStaysFullPastTheSendTimeout()
    {
        // Nobody listens: JeroMQ queues up to the high-water mark for the peer it waits for, then refuses.
        final SocketSettings oneFrame = SocketSettings.DEFAULTS.withHighWaterMark(1).withLingerMs(0);

        try (DirectSender sender =
            DirectSender.connect(link(LoopbackPorts.unused(), oneFrame, 100), context, counters, control, EPOCH))
        {
            final EventPublisher publisher =
                new EventPublisher(sender, SOURCE_ID, EPOCH, counters.eventsProduced, counters.ringRejected);
            for (int i = 0; i < 3; i++)
            {
                publisher.publishSignal(1, Event.SIDE_SELL, 1, 100, i);
            }
            assertFalse(publisher.tryPublishEndOfStream(3, 0), "the caller retries until its drain deadline");
        }

        assertTrue(counters.unsent.get() > 0, "unsent: " + counters.unsent.get());
        assertTrue(counters.eventsSent.get() <= 1, "queued for a peer that never came: " + counters.eventsSent.get());
        assertEquals(counters.eventsProduced.get(), counters.eventsSent.get() + counters.unsent.get());
        assertEquals(counters.eventsSent.get(), counters.framesSent.get());
        assertEquals(1, counters.linkWaitTimedOut.get(), "the link wait ran out, and the replay went on");
    }

    private static SenderContext link(final Endpoint broker, final SocketSettings settings, final long linkWaitMs)
    {
        return new SenderContext()
            .broker(broker.toString())
            .sourceId(SOURCE_ID)
            .maxFrameBytes(Frame.MIN_FRAME_BYTES + 256)
            .sockets(settings)
            .linkWaitMs(linkWaitMs)
            .conclude();
    }
}
