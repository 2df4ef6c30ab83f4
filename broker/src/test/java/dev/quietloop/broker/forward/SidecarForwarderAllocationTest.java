package dev.quietloop.broker.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.RingBuffer;
import dev.quietloop.broker.report.SendLatencyLog;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.broker.ring.BrokerRing;
import dev.quietloop.broker.ring.FrameSlot;
import dev.quietloop.broker.ring.TestFrames;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.testing.SocketAllocations;
import dev.quietloop.protocol.testing.SocketAllocations.CountingSocket;
import dev.quietloop.protocol.testing.SocketAllocations.CountingSocketFactory;
import org.HdrHistogram.SingleWriterRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The forwarder's duty cycle allocates nothing of ours per frame: frames published into the ring
 * are polled and pushed over loopback TCP to a sidecar socket by {@code doWork()} on this thread,
 * with the send and the {@code brokerDwell} hop timed, and once warm a run of {@value #FRAMES} frames
 * allocates zero bytes outside JeroMQ's own calls (its send in the forwarder, the sidecar's
 * receive). JeroMQ's bytes are counted call by call rather than taken from a JeroMQ-only run: the
 * tens of bytes it allocates now and then as it signals its I/O thread depend on that thread's
 * timing, and moved such a baseline (receiver and forwarder together) by up to 15 kB per 10,000
 * frames from run to run: as much as a 16-byte object of ours every tenth frame. Bytes, never time.
 */
@Timeout(60)
class SidecarForwarderAllocationTest
{
    private static final int FRAMES = 2_000;
    /** Enough runs for the JIT to compile the whole path; the first ones warm it up. */
    private static final int ATTEMPTS = 20;
    /** Frames in flight at once: under the high-water mark, so the forwarder's send is never refused. */
    private static final int BATCH = 100;
    private static final int RING_SIZE = 128;
    private static final long IDLE_NS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(30);
    /** Mostly ten-event frames, with the other sizes and the control frames a run also sees. */
    private static final byte[][] MIX = {
        TestFrames.business(10), TestFrames.business(10), TestFrames.business(1), TestFrames.business(10),
        TestFrames.business(40), TestFrames.heartbeat(), TestFrames.business(10), TestFrames.business(10),
        TestFrames.business(10), TestFrames.endOfStream() };
    private static final int MIX_EVENTS = 10 + 10 + 1 + 10 + 40 + 10 + 10 + 10;

    private final BrokerCounters counters = new BrokerCounters();
    private final RingBuffer<FrameSlot> ring = BrokerRing.create(RING_SIZE, Frame.DEFAULT_MAX_FRAME_BYTES);
    private final FrameSlot staging = new FrameSlot(Frame.DEFAULT_MAX_FRAME_BYTES);
    private final byte[] received = new byte[Frame.MAX_FRAME_BYTES];
    private final SingleWriterRecorder recorder = SendLatencyLog.newRecorder();
    private final HopLatency brokerDwell = HopLatency.of(Hop.BROKER_DWELL, true);
    private final ZContext sidecarContext = new ZContext(1);
    private SidecarForwarder forwarder;
    private CountingSocket sidecar;
    private long runs;

    @AfterEach
    void close()
    {
        if (null != forwarder)
        {
            forwarder.onClose();
        }
        sidecarContext.close();
    }

    @Test
    void shouldAllocateNothingOfOursPerFrameOnceWarm()
    {
        sidecar = new CountingSocket(SocketSettings.DEFAULTS.pull(sidecarContext));
        final Endpoint endpoint = SocketSettings.bind(sidecar, Endpoint.loopback(Endpoint.EPHEMERAL));
        final CountingSocketFactory forwarderSockets = new CountingSocketFactory(SocketFactory.PUSH);
        forwarder = new SidecarForwarder(
            new ForwarderSettings(endpoint, SocketSettings.DEFAULTS, new IdleChoice("sleep:" + IDLE_NS + "ns"),
                SendLatencyLog.HIGHEST_TRACKABLE_NS),
            forwarderSockets, ring, recorder, counters, brokerDwell);
        forwarder.onStart();
        forwarder.awaitConnected(1_000);
        final CountingSocket push = forwarderSockets.socket();

        final long bytes = SocketAllocations.fewestBytesOutside(this::publishAndForward, ATTEMPTS, push, sidecar);

        final long frames = runs * FRAMES;
        final long jeromqBytesPerFrame = (push.allocatedBytes() + sidecar.allocatedBytes()) / frames;
        assertEquals(0, bytes, "bytes of ours over " + FRAMES + " frames (JeroMQ's own: " + jeromqBytesPerFrame +
            " per frame, not counted)");
        assertEquals(frames, counters.framesForwarded().get());
        assertEquals(frames / MIX.length * MIX_EVENTS, counters.eventsForwarded().get());
        assertEquals(frames, recorder.getIntervalHistogram().getTotalCount(), "every send timed");
        assertEquals(frames / MIX.length * MIX_EVENTS, brokerDwell.total().getTotalCount(), "every event's dwell");
    }

    /** Publishes {@link #FRAMES} frames and forwards them to the sidecar; nothing here allocates but JeroMQ. */
    private void publishAndForward()
    {
        final long deadlineNs = System.nanoTime() + DEADLINE_NS;
        for (int sent = 0; sent < FRAMES; sent += BATCH)
        {
            for (int i = 0; i < BATCH; i++)
            {
                publish(MIX[(sent + i) % MIX.length]);
            }
            int arrived = 0;
            while (arrived < BATCH)
            {
                final int work = doWork();
                int length;
                while ((length = sidecar.recv(received, 0, received.length, ZMQ.DONTWAIT)) >= 0)
                {
                    if (length != MIX[(sent + arrived) % MIX.length].length)
                    {
                        throw new AssertionError("frame " + (sent + arrived) + " arrived with " + length + " bytes");
                    }
                    arrived++;
                }
                if (0 == work && arrived < BATCH)
                {
                    if (System.nanoTime() - deadlineNs > 0)
                    {
                        throw new AssertionError("frames not forwarded in time");
                    }
                    LockSupport.parkNanos(IDLE_NS);
                }
            }
        }
        runs++;
    }

    private void publish(final byte[] frame)
    {
        System.arraycopy(frame, 0, staging.bytes(), 0, frame.length);
        staging.set(frame.length, Frame.isControl(frame) ? 0 : Frame.eventCount(frame), System.nanoTime());
        ring.publishEvent(FrameSlot.COPY, staging);
    }

    private int doWork()
    {
        try
        {
            return forwarder.doWork();
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }
}
