package dev.quietloop.bot.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.quietloop.bot.config.BotConfiguration;
import dev.quietloop.bot.config.SenderContext;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.FrameDecoder;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.testing.AckingRouter;
import dev.quietloop.protocol.testing.LoopbackPorts;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

@Timeout(30)
class EventSenderTest
{
    private static final int SOURCE_ID = 3;
    private static final long EPOCH = 99;
    private static final int EVENTS = 50;
    private static final long HEARTBEAT_MS = 1_000;
    private static final long HEARTBEAT_NS = TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MS);
    /** Most tests connect and go on at once, as JeroMQ's connect does. */
    private static final long NO_LINK_WAIT = 0;
    /** Room for a few events only, so a batch spans several frames. */
    private static final int SMALL_FRAME_BYTES = Frame.MIN_FRAME_BYTES + 3 * 64;

    private final BotCounters counters = new BotCounters();
    private final RunControl control = new RunControl();
    private final EventRing ring = new EventRing(256, counters.ringRejected);
    private final EventPublisher publisher =
        new EventPublisher(ring, SOURCE_ID, EPOCH, counters.eventsProduced, counters.ringRejected);
    private final FrameDecoder decoder = new FrameDecoder(Frame.MAX_FRAME_BYTES);
    private long nowNs = 1_000;
    private ZContext context;
    private AckingRouter broker;
    private Endpoint endpoint;

    @BeforeEach
    void bindPull()
    {
        context = new ZContext(1);
        final ZMQ.Socket router = SocketSettings.DEFAULTS.router(context);
        router.setReceiveTimeOut(10_000);
        endpoint = SocketSettings.bind(router, Endpoint.loopback(Endpoint.EPHEMERAL));
        broker = new AckingRouter(router);
    }

    @AfterEach
    void close()
    {
        context.close();
    }

    @Test
    void shouldTimeEveryEventFromTheRingStampToItsFramesSend() throws Exception
    {
        final HopLatency ringToSend = HopLatency.of(Hop.RING_TO_SEND, true);
        sendThroughAStampingRing(ringToSend);

        final Histogram total = ringToSend.total();
        assertEquals(EVENTS, total.getTotalCount());
        assertTrue(counters.framesSent.get() > 2, "several frames: " + counters.framesSent.get());
        // An event without a stamp would read as nanoTime() - 0, pinned at the ceiling.
        assertTrue(total.getMaxValue() < HopLatency.HIGHEST_TRACKABLE_NS / 2, "stamped: " + total.getMaxValue());
    }

    @Test
    void shouldLeaveTheWarmUpsEventsOutOfRingToSendByTheirSequence() throws Exception
    {
        final HopLatency ringToSend = HopLatency.of(Hop.RING_TO_SEND, true, 20);
        sendThroughAStampingRing(ringToSend);

        assertEquals(EVENTS, counters.eventsSent.get());
        assertEquals(EVENTS - 20, ringToSend.total().getTotalCount(), "sequences 21 to " + EVENTS);
        assertEquals(20, ringToSend.warmUpTotal().getTotalCount(), "sequences 1 to 20, apart");
    }

    /** Publishes {@link #EVENTS} signals and the end of stream into a ring that stamps entry, and sends them all. */
    private void sendThroughAStampingRing(final HopLatency ringToSend) throws Exception
    {
        final EventRing stampingRing = new EventRing(256, counters.ringRejected, true);
        final EventPublisher stamping =
            new EventPublisher(stampingRing, SOURCE_ID, EPOCH, counters.eventsProduced, counters.ringRejected);
        final EventSender sender = sender(stampingRing, endpoint, SMALL_FRAME_BYTES, SocketSettings.DEFAULTS, ringToSend);
        sender.onStart();
        try
        {
            for (int i = 0; i < EVENTS; i++)
            {
                stamping.beginTick(i, 10_000 + i);
                stamping.publishSignal(1, Event.SIDE_BUY, 1, 100 + i, i);
            }
            assertTrue(stamping.tryPublishEndOfStream(7, 20_000));
            while (!sender.isFinished())
            {
                sender.doWork();
            }
        }
        finally
        {
            sender.onClose();
        }
    }

    @Test
    void shouldBatchEventsIntoFramesAndEndTheStreamWithCounters() throws Exception
    {
        final EventSender sender = sender(endpoint, SMALL_FRAME_BYTES);
        sender.onStart();
        for (int i = 0; i < EVENTS; i++)
        {
            publisher.beginTick(i, 10_000 + i);
            publisher.publishSignal(1, Event.SIDE_BUY, 1, 100 + i, i);
        }
        assertTrue(publisher.tryPublishEndOfStream(7, 20_000));

        while (!sender.isFinished())
        {
            sender.doWork();
        }

        final List<Event> business = new ArrayList<>();
        final List<Event> control = new ArrayList<>();
        int frames = 0;
        while (control.isEmpty())
        {
            final int length = broker.recv(decoder.buffer(), 0, decoder.buffer().length, 0);
            frames++;
            assertTrue(decoder.decode(length, event -> (EventType.isControl(event.type) ? control : business)
                .add(new Event().copyFrom(event))) > 0);
        }
        assertEquals(EVENTS, business.size());
        assertTrue(frames > 2, "a batch spans several frames: " + frames);
        for (int i = 0; i < EVENTS; i++)
        {
            assertEquals(i + 1, business.get(i).sequence);
            assertEquals(SOURCE_ID, business.get(i).sourceId);
            assertEquals(EPOCH, business.get(i).epoch);
        }
        final Event endOfStream = control.get(0);
        assertEquals(EventType.END_OF_STREAM, endOfStream.type);
        assertEquals(7, endOfStream.ticks);
        assertEquals(EVENTS, endOfStream.eventsProduced);
        assertEquals(0, endOfStream.ringRejected);
        assertEquals(EVENTS, endOfStream.eventsSent);
        assertEquals(EVENTS, counters.eventsSent.get());
        assertEquals(frames, counters.framesSent.get());
        assertEquals(0, counters.unsent.get());
        for (int i = 0; i < 10_000 && !sender.awaitEndOfStreamAcked(0); i++)
        {
            sender.doWork(); // reads the broker's acknowledgements
            Thread.sleep(1);
        }
        assertTrue(sender.awaitEndOfStreamAcked(0), "the broker acknowledged the end of stream");
        assertEquals(EVENTS, counters.eventsAcked.get(), "and every event before it");
        sender.onClose();
    }

    @Test
    void shouldHoldAFrameThatIsNotFullUntilTheLingerSinceTheLastFrameIsOver() throws Exception
    {
        final long lingerNs = TimeUnit.MICROSECONDS.toNanos(BotConfiguration.SEND_LINGER_US_DEFAULT);
        final EventSender sender = new EventSender(link(endpoint, Frame.DEFAULT_MAX_FRAME_BYTES,
            SocketSettings.DEFAULTS, NO_LINK_WAIT).sendLingerUs(BotConfiguration.SEND_LINGER_US_DEFAULT).conclude(),
            context, ring, counters, control, EPOCH, HopLatency.of(Hop.RING_TO_SEND, false));
        sender.onStart(); // the linger runs from the start, as from a frame
        try
        {
            publishOneSignal(1);
            sender.doWork();
            assertEquals(0, counters.framesSent.get(), "taken from the ring, held for the linger");
            assertEquals(0, counters.eventsSent.get());

            nowNs += lingerNs - 1;
            publishOneSignal(2);
            sender.doWork();
            assertEquals(0, counters.framesSent.get(), "a nanosecond short of the linger");

            nowNs += 1;
            sender.doWork();
            assertEquals(1, counters.framesSent.get(), "both events in one frame once the linger is over");
            assertEquals(2, counters.eventsSent.get());

            publishOneSignal(3);
            sender.doWork();
            assertEquals(1, counters.framesSent.get(), "a new linger runs from that frame");
            nowNs += lingerNs;
            sender.doWork();
            assertEquals(2, counters.framesSent.get());
            assertEquals(3, counters.eventsSent.get());
        }
        finally
        {
            sender.onClose();
        }
    }

    @Test
    void shouldSendWhatTheRingHoldsAtOnceWithNoLinger() throws Exception
    {
        final EventSender sender = new EventSender(link(endpoint, Frame.DEFAULT_MAX_FRAME_BYTES,
            SocketSettings.DEFAULTS, NO_LINK_WAIT).sendLingerUs(0).conclude(),
            context, ring, counters, control, EPOCH, HopLatency.of(Hop.RING_TO_SEND, false));
        sender.onStart();
        try
        {
            publishOneSignal(1);
            sender.doWork();
            assertEquals(1, counters.framesSent.get());
            publishOneSignal(2);
            sender.doWork();
            assertEquals(2, counters.framesSent.get(), "the clock has not moved: no linger held it");
        }
        finally
        {
            sender.onClose();
        }
    }

    private void publishOneSignal(final long tick)
    {
        publisher.beginTick(tick, 10_000 + tick);
        publisher.publishSignal(1, Event.SIDE_BUY, 1, 100, tick);
        publisher.endTick();
    }

    @Test
    void shouldSendHeartbeatWithCountersWhenIdleForTheInterval() throws Exception
    {
        final EventSender sender = sender(endpoint, Frame.DEFAULT_MAX_FRAME_BYTES);
        sender.onStart();
        counters.ticks.set(11);
        assertEquals(0, sender.doWork());

        // The connection completes in the background; until it does, a due heartbeat is skipped
        // (sends go only to connected peers), so offer it again each interval until one is taken.
        for (int attempt = 0; attempt < 1_000 && counters.heartbeatsSent.get() == 0; attempt++)
        {
            nowNs += HEARTBEAT_NS;
            sender.doWork();
            Thread.sleep(5);
        }
        assertEquals(1, counters.heartbeatsSent.get());
        assertEquals(0, sender.doWork(), "the next heartbeat is an interval away");

        final List<Event> received = new ArrayList<>();
        final int length = broker.recv(decoder.buffer(), 0, decoder.buffer().length, 0);
        assertTrue(Frame.isControl(decoder.buffer()));
        decoder.decode(length, event -> received.add(new Event().copyFrom(event)));
        assertEquals(EventType.HEARTBEAT, received.get(0).type);
        assertEquals(11, received.get(0).ticks);
        assertEquals(SOURCE_ID, received.get(0).sourceId);
        assertEquals(1, counters.heartbeatsSent.get());
        sender.onClose();
    }

    @Test
    void shouldCountEventsAsUnsentWhenTheDrainIsAbandoned() throws Exception
    {
        final Endpoint nobody = LoopbackPorts.unused();
        // JeroMQ queues frames for a peer not yet connected, up to the high-water mark: keep it at one.
        final EventSender sender = sender(nobody, SMALL_FRAME_BYTES, SocketSettings.DEFAULTS.withHighWaterMark(1));
        sender.onStart();
        for (int i = 0; i < EVENTS; i++)
        {
            publisher.beginTick(i, i);
            publisher.publishSignal(1, Event.SIDE_SELL, 1, 100, i);
        }
        final Thread abandoner = new Thread(() ->
        {
            try
            {
                Thread.sleep(100);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            control.abandon();
        });
        abandoner.start();

        sender.doWork();
        abandoner.join();
        assertEquals(0, sender.doWork());
        sender.onClose();

        assertFalse(sender.isFinished());
        assertTrue(counters.unsent.get() > 0, "unsent: " + counters.unsent.get());
        assertTrue(counters.eventsSent.get() < EVENTS / 2, "sent: " + counters.eventsSent.get());
        assertEquals(counters.eventsProduced.get(),
            counters.ringRejected.get() + counters.eventsSent.get() + counters.unsent.get());
    }

    @Test
    void shouldStartWithoutTheLinkAndSayItWhenNoBrokerHandshakesInTime() throws Exception
    {
        final EventSender sender = new EventSender(link(LoopbackPorts.unused(), SMALL_FRAME_BYTES,
            SocketSettings.DEFAULTS, 200).conclude(), context, ring, counters, control, EPOCH,
            HopLatency.of(Hop.RING_TO_SEND, false));
        sender.onStart();
        sender.awaitStarted(0);
        sender.onClose();

        assertEquals(1, counters.linkWaitTimedOut.get());
    }

    @Test
    void shouldStartOnceTheBrokerHasHandshaken() throws Exception
    {
        final EventSender sender = new EventSender(link(endpoint, SMALL_FRAME_BYTES, SocketSettings.DEFAULTS, 30_000).conclude(),
            context, ring, counters, control, EPOCH, HopLatency.of(Hop.RING_TO_SEND, false));
        sender.onStart();
        sender.awaitStarted(0);
        publisher.beginTick(1, 1);
        publisher.publishSignal(1, Event.SIDE_SELL, 1, 100, 1);
        sender.doWork();

        assertEquals(0, counters.linkWaitTimedOut.get());
        assertEquals(1, counters.eventsSent.get());
        assertNotNull(broker.recv(), "the frame sent once linked");
        sender.onClose();
    }

    private EventSender sender(final Endpoint broker, final int maxFrameBytes)
    {
        return sender(broker, maxFrameBytes, SocketSettings.DEFAULTS);
    }

    private EventSender sender(final Endpoint broker, final int maxFrameBytes, final SocketSettings settings)
    {
        return sender(ring, broker, maxFrameBytes, settings, HopLatency.of(Hop.RING_TO_SEND, false));
    }

    private EventSender sender(
        final EventRing ring,
        final Endpoint broker,
        final int maxFrameBytes,
        final SocketSettings settings,
        final HopLatency ringToSend)
    {
        return new EventSender(link(broker, maxFrameBytes, settings, NO_LINK_WAIT).conclude(), context, ring,
            counters, control, EPOCH, ringToSend);
    }

    /**
     * The link these tests send on, to conclude: this test's clock, a heartbeat a second, a sleep
     * between retries, and no linger.
     */
    private SenderContext link(
        final Endpoint broker, final int maxFrameBytes, final SocketSettings settings, final long linkWaitMs)
    {
        return new SenderContext()
            .broker(broker.toString())
            .sourceId(SOURCE_ID)
            .maxFrameBytes(maxFrameBytes)
            .sockets(settings)
            .heartbeatMs(HEARTBEAT_MS)
            .linkWaitMs(linkWaitMs)
            .idleSender(new IdleChoice("sleep:1ms"))
            .nanoClock(() -> nowNs)
            .sendLingerUs(0); // the clock stands still unless a test moves it
    }

}
