package dev.quietloop.bot.send;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.EventPoller;
import dev.quietloop.bot.config.SenderContext;
import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.wake.Doorbell;
import dev.quietloop.protocol.wake.SocketWait;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The agent on the sender thread. Each duty cycle reads the broker's acknowledgements, polls the
 * bot ring into the {@link PendingFrame} (which goes out whenever it fills, and at the end of the
 * batch once {@code --send-linger-us} has passed since the last frame went), and when idle for the
 * heartbeat interval sends a heartbeat with the counters. The end of stream goes out in a control
 * frame of its own with {@code eventsSent} filled in; what the ring still holds at close is
 * counted unsent.
 * <p>
 * Idle with {@code wake} (the default), it naps to the end of the linger, then blocks on the ring's
 * doorbell, which the trading thread rings after a tick that published, for at most the time to
 * the next heartbeat; once the end of stream is out, it blocks on the socket for the broker's
 * acknowledgement instead.
 * <p>
 * The socket is created in {@link #onStart()}, used and closed on this agent's thread only.
 */
public final class EventSender implements Agent, EventPoller.Handler<Event>
{
    /** The agent's role, which its {@link org.agrona.concurrent.AgentRunner} also names the thread after. */
    public static final String ROLE_NAME = "bot-sender";
    /** A wait this short is not worth a park: a heartbeat about due is sent on the next cycle. */
    private static final long MIN_WAIT_NS = 1_000;

    private final ZContext context;
    private final Endpoint broker;
    private final SocketSettings settings;
    private final SocketFactory sockets;
    private final EventPoller<Event> poller;
    private final Doorbell doorbell;
    private final IdleStrategy idleStrategy;
    private final NanoClock clock;
    private final long heartbeatIntervalNs;
    private final long lingerNs;
    private final long linkWaitMs;
    private final BotCounters counters;
    private final RunControl control;
    private final PendingFrame frame;
    private final AckReader acks;
    private final Event heartbeat = new Event();
    private final EventPoller.Handler<Event> unsentCounter;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch endOfStreamAcked = new CountDownLatch(1);

    private volatile RuntimeException startFailure;
    private ZMQ.Socket socket;
    private SocketWait acksWait;
    private boolean endOfStreamSent;
    private boolean gaveUp;

    /**
     * @param link       the concluded link to the broker: everything this agent needs is copied from it now
     * @param context    the context {@link #onStart()} makes the socket of
     * @param epoch      this run's, in the heartbeat's header and the acknowledgements it takes
     * @param ringToSend the hop from each event's entry into the ring to its frame's send
     */
    public EventSender(
        final SenderContext link,
        final ZContext context,
        final EventRing ring,
        final BotCounters counters,
        final RunControl control,
        final long epoch,
        final HopLatency ringToSend)
    {
        this.context = context;
        this.broker = link.broker();
        this.settings = link.linkSockets();
        this.sockets = link.linkSocketFactory();
        this.poller = ring.poller();
        this.doorbell = ring.doorbell();
        this.idleStrategy = link.idleSender().newStrategy(this::awaitWork);
        this.clock = link.nanoClock();
        this.heartbeatIntervalNs = link.heartbeatIntervalNs();
        this.lingerNs = link.sendLingerNs();
        this.linkWaitMs = link.linkWaitMs();
        this.counters = counters;
        this.control = control;
        this.frame = new PendingFrame(
            link.maxFrameBytes(), link.idleSender().newRetryStrategy(), clock, counters, control, ringToSend);
        this.acks = new AckReader(counters, link.sourceId(), epoch);
        this.heartbeat.type = EventType.HEARTBEAT;
        this.heartbeat.sourceId = link.sourceId();
        this.heartbeat.epoch = epoch;
        this.unsentCounter = (event, sequence, endOfBatch) ->
        {
            if (!EventType.isControl(event.type))
            {
                counters.unsent.incrementRelease();
            }
            return true;
        };
    }

    @Override
    public String roleName()
    {
        return ROLE_NAME;
    }

    /** The strategy to run this agent with. */
    public IdleStrategy idleStrategy()
    {
        return idleStrategy;
    }

    @Override
    public void onStart()
    {
        try
        {
            socket = sockets.create(settings, context);
            LinkWait.connect(socket, broker, linkWaitMs, control, counters);
            frame.sendOn(socket);
            acksWait = new SocketWait(socket);
        }
        catch (final RuntimeException ex)
        {
            startFailure = ex;
            if (socket != null)
            {
                socket.close();
                socket = null;
            }
        }
        finally
        {
            started.countDown();
        }
    }

    @Override
    public int doWork() throws Exception
    {
        if (socket == null || gaveUp)
        {
            return 0;
        }
        if (control.isAbandoned())
        {
            gaveUp = true;
            return 0;
        }
        int workCount = acks.poll(socket);
        if (endOfStreamSent)
        {
            if (acks.isEndOfStreamAcked())
            {
                endOfStreamAcked.countDown();
            }
            return workCount;
        }
        if (poller.poll(this) == EventPoller.PollState.PROCESSING)
        {
            workCount++;
        }
        if (!frame.isEmpty() && !gaveUp && lingerLeftNs() <= 0 && !frame.send())
        {
            gaveUp = true;
        }
        if (workCount == 0 && !gaveUp && !endOfStreamSent)
        {
            workCount += sendHeartbeatIfDue();
        }
        return workCount;
    }

    @Override
    public boolean onEvent(final Event event, final long sequence, final boolean endOfBatch)
    {
        if (event.type == EventType.END_OF_STREAM)
        {
            return sendEndOfStream(event);
        }
        if (!frame.append(event))
        {
            gaveUp = true;
            return false;
        }
        return true;
    }

    @Override
    public void onClose()
    {
        countUnsent();
        if (acksWait != null)
        {
            acksWait.close();
            acksWait = null;
        }
        if (socket != null)
        {
            SocketSettings.close(context, socket, control.closeLingerMs(clock.nanoTime(), settings.lingerMs()));
            socket = null;
        }
    }

    /**
     * Waits until the socket is created and connected, and the link wait is over.
     *
     * @throws RuntimeException the failure of {@link #onStart()}, such as a bad endpoint.
     */
    public void awaitStarted(final long timeoutMs) throws InterruptedException
    {
        if (!started.await(timeoutMs, TimeUnit.MILLISECONDS))
        {
            throw new IllegalStateException("sender did not start within " + timeoutMs + " ms");
        }
        final RuntimeException failure = startFailure;
        if (failure != null)
        {
            throw failure;
        }
    }

    /** @return true once the end of stream has been handed to the socket. */
    public boolean awaitFinished(final long timeoutNs) throws InterruptedException
    {
        return finished.await(Math.max(0, timeoutNs), TimeUnit.NANOSECONDS);
    }

    /**
     * Waits, after {@link #awaitFinished}, for the broker to acknowledge the end of stream: then it
     * has taken every event before it, and {@code bot.eventsAcked} says how many.
     *
     * @return true if it did within the timeout.
     */
    public boolean awaitEndOfStreamAcked(final long timeoutNs) throws InterruptedException
    {
        return endOfStreamAcked.await(Math.max(0, timeoutNs), TimeUnit.NANOSECONDS);
    }

    public boolean isFinished()
    {
        return finished.getCount() == 0;
    }

    private boolean sendEndOfStream(final Event endOfStream)
    {
        if (!frame.isEmpty() && !frame.send())
        {
            gaveUp = true;
            return false;
        }
        endOfStream.eventsSent = counters.eventsSent.getPlain();
        if (frame.sendControl(endOfStream))
        {
            endOfStreamSent = true;
            finished.countDown();
        }
        else
        {
            gaveUp = true;
        }
        return false;
    }

    /**
     * The idle strategy's wait: to the end of the linger if one is running; then until the trading
     * thread rings, or the next heartbeat is due; after the end of stream, until the broker's
     * acknowledgement comes.
     */
    private void awaitWork(final long maxWaitNs)
    {
        if (endOfStreamSent || gaveUp || null == socket)
        {
            if (null != acksWait)
            {
                acksWait.awaitWork(maxWaitNs);
            }
            else
            {
                doorbell.awaitWork(maxWaitNs);
            }
            return;
        }
        final long lingerLeftNs = lingerLeftNs();
        if (lingerLeftNs > 0)
        {
            // Within a linger of the last frame no other goes: nap through it without asking the
            // trading thread to wake this one. So it rings a sleeper at most once a linger, and
            // only after a quiet one, when its next tick is a linger away or more.
            LockSupport.parkNanos(Math.min(maxWaitNs, lingerLeftNs));
            return;
        }
        final long untilHeartbeatNs = frame.lastSendNs() + heartbeatIntervalNs - clock.nanoTime();
        doorbell.awaitWork(Math.max(MIN_WAIT_NS, Math.min(maxWaitNs, untilHeartbeatNs)));
    }

    /** What is left of {@code --send-linger-us} since the last frame: a frame that is not full goes at 0 or less. */
    private long lingerLeftNs()
    {
        return frame.lastSendNs() + lingerNs - clock.nanoTime();
    }

    /** A heartbeat is not a business event: offered once, skipped if the socket is full. */
    private int sendHeartbeatIfDue()
    {
        final long nowNs = clock.nanoTime();
        if (nowNs - frame.lastSendNs() < heartbeatIntervalNs)
        {
            return 0;
        }
        final Event event = heartbeat;
        event.originNs = nowNs;
        event.ticks = counters.ticks.get();
        event.eventsProduced = counters.eventsProduced.get();
        event.ringRejected = counters.ringRejected.get();
        event.eventsSent = counters.eventsSent.getPlain();
        if (frame.offerControl(event, nowNs))
        {
            counters.heartbeatsSent.incrementRelease();
        }
        return 1;
    }

    private void countUnsent()
    {
        try
        {
            while (poller.poll(unsentCounter) == EventPoller.PollState.PROCESSING)
            {
                // each call counts what is published so far
            }
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("cannot count unsent events", ex);
        }
    }
}
