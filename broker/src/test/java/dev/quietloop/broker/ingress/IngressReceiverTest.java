package dev.quietloop.broker.ingress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.broker.ring.BrokerRing;
import dev.quietloop.broker.ring.FrameSlot;
import dev.quietloop.broker.ring.TestFrames;
import dev.quietloop.wire.Ack;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.testing.Doorbells;
import dev.quietloop.protocol.wake.Doorbell;
import dev.quietloop.wire.testing.ForgedFrames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class IngressReceiverTest
{
    private final BrokerCounters counters = new BrokerCounters();
    private final Sequence consumed = new Sequence();
    private ZContext botContext;
    private RingBuffer<FrameSlot> ring;
    /** The forwarder's doorbell, over the test's consumer. */
    private Doorbell forwarder;
    private IngressReceiver receiver;
    private ZMQ.Socket bot;

    @BeforeEach
    void start()
    {
        startReceiver(8, IngressReceiver.ANY_SOURCE);
    }

    private void startReceiver(final int ringSize, final int onlySource)
    {
        ring = BrokerRing.create(ringSize, Frame.DEFAULT_MAX_FRAME_BYTES);
        ring.addGatingSequences(consumed); // a consumer that moves only when the test says so
        final RingBuffer<FrameSlot> published = ring;
        forwarder = new Doorbell(() -> published.getCursor() > consumed.get());
        receiver = new IngressReceiver(
            new IngressSettings(Endpoint.loopback(Endpoint.EPHEMERAL), SocketSettings.DEFAULTS, true, onlySource),
            SocketFactory.ROUTER, ring, forwarder, counters, System.err);
        botContext = new ZContext(1);
        receiver.onStart();
        final Endpoint bound = receiver.awaitBound(1_000);
        bot = SocketSettings.DEFAULTS.dealer(botContext);
        SocketSettings.connect(bot, bound);
    }

    @AfterEach
    void stop()
    {
        receiver.onClose();
        botContext.close();
    }

    /** A receiver told before it starts to take this one source alone, as a broker that launched its bot is. */
    private void restartTakingOnly(final int sourceId)
    {
        stop();
        startReceiver(8, sourceId);
    }

    private void send(final byte[] frame)
    {
        assertTrue(TestFrames.until(() -> bot.send(frame, 0, frame.length, ZMQ.DONTWAIT), () -> {}));
    }

    private void receiveUntilFrames(final long frames)
    {
        assertTrue(TestFrames.until(
            () -> counters.framesReceived().get() + counters.badFrames().get() >= frames, receiver::doWork));
    }

    @Test
    void shouldWakeTheSleepingForwarderOnceItPublishesAFrame() throws Exception
    {
        final CountDownLatch woke = new CountDownLatch(1);
        final Thread sleeper = new Thread(() ->
        {
            forwarder.awaitWork(TimeUnit.SECONDS.toNanos(60));
            woke.countDown();
        });
        sleeper.start();
        while (!forwarder.isConsumerAsleep())
        {
            Thread.onSpinWait();
        }

        send(TestFrames.business(3));
        receiveUntilFrames(1);

        assertTrue(woke.await(20, TimeUnit.SECONDS), "rung after the publish, long before the minute");
        sleeper.join();
    }

    @Test
    void shouldWaitForWorkUntilAFrameArrives() throws Exception
    {
        receiver.doWork(); // nothing yet: the socket is drained, as before any idle wait
        final CountDownLatch returned = new CountDownLatch(1);
        final Thread idle = new Thread(() ->
        {
            receiver.awaitWork(TimeUnit.SECONDS.toNanos(60));
            returned.countDown();
        });
        idle.start();
        Thread.sleep(50); // most likely blocked by now: the frame must be what ends the wait

        send(TestFrames.business(3));

        assertTrue(returned.await(20, TimeUnit.SECONDS), "the frame ended the wait, long before the minute");
        idle.join();
        receiveUntilFrames(1);
        assertEquals(3, counters.eventsReceived().get());
    }

    @Test
    void shouldTakeTheLaunchedBotsSourceAloneAndCountEveryOtherAsUnknown()
    {
        restartTakingOnly(1);
        send(ForgedFrames.business(2, 1, 3)); // well formed, from a source nobody launched
        send(ForgedFrames.control(EventType.END_OF_STREAM, 2, 3)); // a forged end of stream
        send(TestFrames.business(3)); // the launched bot's
        receiveUntilFrames(3);

        assertEquals(2, counters.rejected(Frame.REJECTED_UNKNOWN_SOURCE).get());
        assertEquals(2, counters.badFrames().get());
        assertEquals(1, counters.framesReceived().get());
        assertEquals(3, counters.eventsReceived().get(), "only the launched bot's events count");
        assertEquals(0, counters.endOfStreams().get(), "a forged end of stream ends nothing");
    }

    @Test
    void shouldAcknowledgeWhatItTookToTheBotAtItsEndOfStream()
    {
        send(TestFrames.business(3));
        send(TestFrames.business(4));
        send(TestFrames.endOfStream());
        receiveUntilFrames(3);

        final byte[] ack = new byte[Ack.BYTES];
        bot.setReceiveTimeOut(10_000);
        assertEquals(Ack.BYTES, bot.recv(ack, 0, ack.length, 0), "the end of stream is acknowledged at once");
        assertTrue(Ack.isValid(ack, Ack.BYTES));
        assertEquals(1, Ack.sourceId(ack));
        assertEquals(7, Ack.epoch(ack));
        assertEquals(7, Ack.eventsTaken(ack), "every business event before it");
        assertEquals(3, Ack.framesTaken(ack));
        assertTrue(Ack.endOfStream(ack));
        assertEquals(1, counters.acksSent().get());
    }

    @Test
    void shouldAcknowledgeAQuietSourcesLastFramesAndNothingItRefused() throws Exception
    {
        restartTakingOnly(1);
        send(ForgedFrames.business(2, 1, 5)); // refused: not acknowledged to anyone
        send(TestFrames.business(2));
        receiveUntilFrames(2);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(SourceAcks.ACK_AFTER_NS) + 1);
        receiver.doWork(); // the source has been quiet: its frame is acknowledged

        final byte[] ack = new byte[Ack.BYTES];
        bot.setReceiveTimeOut(10_000);
        assertEquals(Ack.BYTES, bot.recv(ack, 0, ack.length, 0));
        assertEquals(2, Ack.eventsTaken(ack));
        assertEquals(1, Ack.framesTaken(ack));
        assertFalse(Ack.endOfStream(ack));
        bot.setReceiveTimeOut(0);
        assertEquals(-1, bot.recv(ack, 0, ack.length, 0), "one acknowledgement, none for the refused frame");
    }

    @Test
    void shouldPublishFrameUnchangedAndCountItsEvents()
    {
        final byte[] frame = TestFrames.business(3);
        send(frame);
        receiveUntilFrames(1);

        final FrameSlot slot = ring.get(0);
        assertEquals(0, ring.getCursor());
        assertArrayEquals(frame, Arrays.copyOf(slot.bytes(), slot.length()));
        assertEquals(3, slot.businessEvents());
        assertEquals(1, counters.framesReceived().get());
        assertEquals(3, counters.eventsReceived().get());
        assertEquals(0, counters.controlFrames().get());
    }

    @Test
    void shouldCountBadFrameWithoutPublishingIt()
    {
        send(new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
        receiveUntilFrames(1);

        assertEquals(1, counters.badFrames().get());
        assertEquals(0, counters.framesReceived().get());
        assertEquals(RingBuffer.INITIAL_CURSOR_VALUE, ring.getCursor());
    }

    @Test
    void shouldCountEndOfStreamAsControlFrameAndForwardIt()
    {
        send(TestFrames.heartbeat());
        send(TestFrames.endOfStream());
        receiveUntilFrames(2);

        assertEquals(2, counters.framesReceived().get());
        assertEquals(2, counters.controlFrames().get());
        assertEquals(1, counters.endOfStreams().get());
        assertEquals(0, counters.eventsReceived().get());
        assertEquals(1, ring.getCursor());
        assertTrue(Frame.isEndOfStream(ring.get(1).bytes()));
        assertEquals(0, ring.get(1).businessEvents());
    }

    @Test
    void shouldNotReceiveMoreThanTheRingCanStore()
    {
        stop();
        startReceiver(2, IngressReceiver.ANY_SOURCE);
        for (int i = 0; i < 5; i++)
        {
            send(TestFrames.business(1));
        }
        receiveUntilFrames(2);
        for (int i = 0; i < 20; i++)
        {
            receiver.doWork();
        }
        assertEquals(2, counters.framesReceived().get());
        assertEquals(0, receiver.doWork());

        consumed.set(1); // the consumer frees both slots: the rest is received, none was lost
        receiveUntilFrames(4);
        assertEquals(4, counters.framesReceived().get());
        consumed.set(3);
        receiveUntilFrames(5);
        assertEquals(5, counters.eventsReceived().get());
        assertEquals(0, counters.badFrames().get());
    }

    @Test
    void shouldNameTheEndpointWhenThePortIsTaken()
    {
        final ZContext context = new ZContext(1);
        try
        {
            final ZMQ.Socket holder = SocketSettings.DEFAULTS.pull(context);
            final Endpoint held = SocketSettings.bind(holder, Endpoint.loopback(Endpoint.EPHEMERAL));
            final IngressReceiver second = new IngressReceiver(
                new IngressSettings(held, SocketSettings.DEFAULTS, false, IngressReceiver.ANY_SOURCE),
                SocketFactory.ROUTER, ring, Doorbells.unattended(), counters, System.err);
            second.onStart();
            final ConfigException ex = assertThrows(ConfigException.class, () -> second.awaitBound(1_000));
            assertTrue(ex.getMessage().contains("cannot bind " + held), ex.getMessage());
            assertTrue(ex.getMessage().contains("address already in use"), ex.getMessage());
            assertEquals(0, second.doWork());
            second.onClose();
        }
        finally
        {
            context.close();
        }
    }
}
