package dev.quietloop.broker.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.lmax.disruptor.RingBuffer;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.broker.ring.BrokerRing;
import dev.quietloop.broker.ring.FrameSlot;
import dev.quietloop.broker.ring.TestFrames;
import dev.quietloop.broker.report.SendLatencyLog;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.testing.LoopbackPorts;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.AgentRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class SidecarForwarderTest
{
    private static final IdleChoice RETRY_IDLE = new IdleChoice("sleep:1ms");

    private final BrokerCounters counters = new BrokerCounters();
    private final RingBuffer<FrameSlot> ring = BrokerRing.create(16, Frame.DEFAULT_MAX_FRAME_BYTES);
    private final SingleWriterRecorder recorder = SendLatencyLog.newRecorder();
    private final ZContext sidecarContext = new ZContext(1);
    private final FrameSlot staging = new FrameSlot(Frame.DEFAULT_MAX_FRAME_BYTES);
    private final HopLatency brokerDwell = HopLatency.of(Hop.BROKER_DWELL, true);

    @AfterEach
    void close()
    {
        sidecarContext.close();
    }

    private SidecarForwarder forwarderTo(final Endpoint sidecar)
    {
        return forwarderTo(sidecar, SocketSettings.DEFAULTS);
    }

    private SidecarForwarder forwarderTo(final Endpoint sidecar, final SocketSettings settings)
    {
        return new SidecarForwarder(
            new ForwarderSettings(sidecar, settings, RETRY_IDLE, SendLatencyLog.HIGHEST_TRACKABLE_NS),
            SocketFactory.PUSH, ring, recorder, counters, brokerDwell);
    }

    private void publish(final byte[] frame, final int businessEvents)
    {
        System.arraycopy(frame, 0, staging.bytes(), 0, frame.length);
        staging.set(frame.length, businessEvents, System.nanoTime());
        ring.publishEvent(FrameSlot.COPY, staging);
        counters.framesReceived().incrementRelease();
        counters.eventsReceived().getAndAddRelease(businessEvents);
    }

    @Test
    void shouldForwardFramesUnchangedAndTimeEachSend()
    {
        final ZMQ.Socket sidecar = SocketSettings.DEFAULTS.pull(sidecarContext);
        final Endpoint endpoint = SocketSettings.bind(sidecar, Endpoint.loopback(Endpoint.EPHEMERAL));
        final List<byte[]> frames = List.of(TestFrames.business(2), TestFrames.business(5), TestFrames.endOfStream());
        final SidecarForwarder forwarder = forwarderTo(endpoint);
        publish(frames.get(0), 2);
        publish(frames.get(1), 5);
        publish(frames.get(2), 0);
        forwarder.onStart();
        forwarder.awaitConnected(1_000);
        try
        {
            assertTrue(TestFrames.until(() -> counters.framesForwarded().get() == 3, () -> doWork(forwarder)));

            final List<byte[]> received = new ArrayList<>();
            sidecar.setReceiveTimeOut(30_000);
            for (int i = 0; i < frames.size(); i++)
            {
                received.add(sidecar.recv());
            }
            for (int i = 0; i < frames.size(); i++)
            {
                assertArrayEquals(frames.get(i), received.get(i));
            }
            assertEquals(7, counters.eventsForwarded().get());
            assertEquals(3, recorder.getIntervalHistogram().getTotalCount());
            final Histogram dwell = brokerDwell.total();
            assertEquals(7, dwell.getTotalCount(), "one per business event; the control frame has none");
            assertTrue(dwell.getMaxValue() < HopLatency.HIGHEST_TRACKABLE_NS / 2, "from the receipt stamp");
            assertTrue(BrokerRing.isEmpty(ring));
        }
        finally
        {
            forwarder.onClose();
        }
    }

    @Test
    void shouldForwardWarmUpFramesUnchangedAndTimeTheirEventsApart()
    {
        final ZMQ.Socket sidecar = SocketSettings.DEFAULTS.pull(sidecarContext);
        final Endpoint endpoint = SocketSettings.bind(sidecar, Endpoint.loopback(Endpoint.EPHEMERAL));
        final List<byte[]> frames = List.of(TestFrames.warmUp(3), TestFrames.warmUp(1), TestFrames.business(2),
            TestFrames.heartbeat());
        final SidecarForwarder forwarder = forwarderTo(endpoint);
        publish(frames.get(0), 3);
        publish(frames.get(1), 1);
        publish(frames.get(2), 2);
        publish(frames.get(3), 0);
        forwarder.onStart();
        forwarder.awaitConnected(1_000);
        try
        {
            assertTrue(TestFrames.until(() -> counters.framesForwarded().get() == 4, () -> doWork(forwarder)));

            sidecar.setReceiveTimeOut(30_000);
            for (final byte[] frame : frames)
            {
                assertArrayEquals(frame, sidecar.recv());
            }
            assertEquals(4, brokerDwell.warmUpTotal().getTotalCount(), "the flagged frames' events");
            assertEquals(2, brokerDwell.total().getTotalCount(), "the others'");
            assertEquals(4, brokerDwell.percentiles().get("latencyNs.warmup.brokerDwell.count"));
        }
        finally
        {
            forwarder.onClose();
        }
    }

    @Test
    void shouldLeaveFramesItAcceptedItsLingerToReachASidecarThatComesLate()
    {
        // The frames are accepted (queued for the connection being dialled) and counted forwarded
        // before any sidecar listens. The sidecar binds just before the forwarder closes: the next
        // redial (100 ms) comes during the close, which must wait for it, up to the linger.
        final Endpoint late = LoopbackPorts.unused();
        final SidecarForwarder forwarder = forwarderTo(late);
        final List<byte[]> frames = List.of(TestFrames.business(2), TestFrames.endOfStream());
        publish(frames.get(0), 2);
        publish(frames.get(1), 0);
        forwarder.onStart();
        forwarder.awaitConnected(1_000);
        assertTrue(TestFrames.until(() -> counters.framesForwarded().get() == 2, () -> doWork(forwarder)));

        final ZMQ.Socket sidecar = SocketSettings.DEFAULTS.pull(sidecarContext);
        SocketSettings.bind(sidecar, late);
        forwarder.onClose();
        sidecar.setReceiveTimeOut(5_000);
        final List<byte[]> received = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++)
        {
            received.add(sidecar.recv());
        }

        for (int i = 0; i < frames.size(); i++)
        {
            assertArrayEquals(frames.get(i), received.get(i), "frame " + i + " within the linger");
        }
    }

    @Test
    void shouldGiveUpRetryingWhenNoPeerTakesTheFrames() throws Exception
    {
        // With no sidecar, a socket queues up to its high-water mark of frames for the sidecar to come,
        // then refuses: the forwarder retries, and at the drain deadline gives the rest up.
        final SidecarForwarder forwarder =
            forwarderTo(LoopbackPorts.unused(), SocketSettings.DEFAULTS.withHighWaterMark(1));
        final AgentRunner runner = new AgentRunner(RETRY_IDLE.newStrategy(), Throwable::printStackTrace, null,
            forwarder);
        for (int i = 0; i < 5; i++)
        {
            publish(TestFrames.business(2), 2);
        }
        AgentRunner.startOnThread(runner);
        forwarder.awaitConnected(5_000);

        assertTrue(TestFrames.until(() -> counters.sendRetries().get() > 0, () -> {}), "the send is being retried");
        forwarder.giveUp();
        assertTrue(TestFrames.until(() -> BrokerRing.isEmpty(ring), () -> {}), "the forwarder abandons the frames");
        runner.close();

        final long forwarded = counters.framesForwarded().get();
        assertTrue(forwarded < 5, "frames queued before the refusal: " + forwarded);
        assertEquals(2 * forwarded, counters.eventsForwarded().get());
        assertTrue(counters.eventsReceived().get() - counters.eventsForwarded().get() > 0, "some are left undelivered");
        assertEquals(forwarded, recorder.getIntervalHistogram().getTotalCount(), "only accepted sends are timed");
    }

    @Test
    void shouldTryEachFrameOnceAfterGivingUp() throws Exception
    {
        final SidecarForwarder forwarder =
            forwarderTo(LoopbackPorts.unused(), SocketSettings.DEFAULTS.withHighWaterMark(1));
        for (int i = 0; i < 8; i++)
        {
            publish(TestFrames.business(1), 1);
        }
        forwarder.onStart();
        forwarder.giveUp();
        try
        {
            assertEquals(1, forwarder.doWork());
            assertEquals(0, forwarder.doWork());
            assertEquals(0, counters.sendRetries().get());
            assertTrue(counters.framesForwarded().get() < 8, "no retries past the refusal");
            assertTrue(BrokerRing.isEmpty(ring));
        }
        finally
        {
            forwarder.onClose();
        }
    }


    /** A sidecar killed mid-run: the frames sent on its connection cannot be proven delivered. */
    @Test
    void shouldCountADroppedSidecarLinkAndTheFramesSentOnIt()
    {
        final ZContext doomed = new ZContext(1);
        final ZMQ.Socket sidecar = SocketSettings.DEFAULTS.pull(doomed);
        final Endpoint endpoint = SocketSettings.bind(sidecar, Endpoint.loopback(Endpoint.EPHEMERAL));
        final SidecarForwarder forwarder = forwarderTo(endpoint);
        forwarder.onStart();
        forwarder.awaitConnected(1_000);
        try
        {
            publish(TestFrames.business(2), 2);
            publish(TestFrames.business(3), 3);
            assertTrue(TestFrames.until(() -> counters.framesForwarded().get() == 2, () -> doWork(forwarder)));
            sidecar.setReceiveTimeOut(30_000);
            sidecar.recv();
            sidecar.recv();

            doomed.close(); // the sidecar dies: its end of the connection closes

            assertTrue(TestFrames.until(() -> counters.sidecarDisconnects().get() == 1, () -> { }));
            assertEquals(2, counters.framesInFlightAtDisconnect().get(), "both went on the connection that dropped");
        }
        finally
        {
            forwarder.onClose();
        }
    }

    @Test
    void shouldNotCountItsOwnCloseAsADrop()
    {
        final ZMQ.Socket sidecar = SocketSettings.DEFAULTS.pull(sidecarContext);
        final Endpoint endpoint = SocketSettings.bind(sidecar, Endpoint.loopback(Endpoint.EPHEMERAL));
        final SidecarForwarder forwarder = forwarderTo(endpoint);
        forwarder.onStart();
        forwarder.awaitConnected(1_000);
        publish(TestFrames.business(2), 2);
        assertTrue(TestFrames.until(() -> counters.framesForwarded().get() == 1, () -> doWork(forwarder)));
        sidecar.setReceiveTimeOut(30_000);
        sidecar.recv();

        forwarder.onClose();

        assertEquals(0, counters.sidecarDisconnects().get());
        assertEquals(0, counters.framesInFlightAtDisconnect().get());
    }

    private static void doWork(final SidecarForwarder forwarder)
    {
        try
        {
            forwarder.doWork();
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }
}
