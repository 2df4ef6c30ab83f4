package dev.quietloop.bot.run;

import java.util.Map;

import dev.quietloop.bot.replay.RejectReason;
import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.CounterRegistry;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The bot's counters, reported as {@code bot.*}. Each has one writing thread, which bumps it with
 * a release store; the sender reads the trading thread's counters for its heartbeats, and the
 * progress reporter reads them once a second.
 */
public final class BotCounters
{
    /** Prefix of the per-reason counts of malformed rows: {@code bot.rejected.crossedBook}. */
    public static final String REJECTED_PREFIX = Accounting.BOT_REJECTED_PREFIX;

    /** Room for every counter below, one per reject reason included. */
    public static final int MAX_COUNTERS = 32;

    private final CounterRegistry registry;

    /** Accepted rows replayed through the strategy (trading thread). */
    public final AtomicCounter ticks;
    /** Malformed rows skipped by the replay, every reason (trading thread). */
    public final AtomicCounter ticksRejected;
    /** Business events given a sequence, published or not (trading thread). */
    public final AtomicCounter eventsProduced;
    /** Business events refused by a full ring (trading thread). */
    public final AtomicCounter ringRejected;
    /** Business events handed to the socket (sender thread; the trading thread in direct mode). */
    public final AtomicCounter eventsSent;
    /** Frames handed to the socket, control frames included (sender thread; the trading thread in direct mode). */
    public final AtomicCounter framesSent;
    /** Heartbeat frames handed to the socket (sender thread). */
    public final AtomicCounter heartbeatsSent;
    /**
     * Business events published to the ring but not handed to the socket before the drain deadline;
     * in direct mode, events the socket did not take within its send timeout.
     */
    public final AtomicCounter unsent;
    /** Errors caught on the sender thread (each is printed once). */
    public final AtomicCounter errors;
    /** 1 when the replay started without the broker's handshake: the link wait ran out (sender thread at start). */
    public final AtomicCounter linkWaitTimedOut;
    /** ZMTP handshakes completed with the broker. */
    public final AtomicCounter linkUps;
    /** Business events the broker acknowledged taking: what the bot may call delivered. */
    public final AtomicCounter eventsAcked;
    /** Sent but not acknowledged by the end of the drain: not proven delivered (set once, at the end). */
    public final AtomicCounter unacked;
    /** 1 when the broker refused this bot's CURVE key (the link never came up): the run cannot succeed. */
    public final AtomicCounter linkRejected;

    private final AtomicCounter[] rejectedByReason = new AtomicCounter[RejectReason.values().length];

    /** Counters in memory, for tests. */
    public BotCounters()
    {
        this(new CounterRegistry(MAX_COUNTERS));
    }

    /** Counters in the given registry: the process's counters file, so bin/stat.sh sees them. */
    public BotCounters(final CounterRegistry registry)
    {
        this.registry = registry;
        ticks = registry.newCounter(Accounting.BOT_TICKS);
        ticksRejected = registry.newCounter(Accounting.BOT_TICKS_REJECTED);
        eventsProduced = registry.newCounter(Accounting.BOT_EVENTS_PRODUCED);
        ringRejected = registry.newCounter(Accounting.BOT_RING_REJECTED);
        eventsSent = registry.newCounter(Accounting.BOT_EVENTS_SENT);
        framesSent = registry.newCounter(Accounting.BOT_FRAMES_SENT);
        heartbeatsSent = registry.newCounter(Accounting.BOT_HEARTBEATS_SENT);
        unsent = registry.newCounter(Accounting.BOT_UNSENT);
        errors = registry.newCounter(Accounting.BOT_ERRORS);
        linkWaitTimedOut = registry.newCounter(Accounting.BOT_LINK_WAIT_TIMED_OUT);
        linkUps = registry.newCounter(Accounting.BOT_LINK_UPS);
        eventsAcked = registry.newCounter(Accounting.BOT_EVENTS_ACKED);
        unacked = registry.newCounter(Accounting.BOT_UNACKED);
        linkRejected = registry.newCounter(Accounting.BOT_LINK_REJECTED);
        for (final RejectReason reason : RejectReason.values())
        {
            rejectedByReason[reason.ordinal()] = registry.newCounter(REJECTED_PREFIX + reason.key());
        }
    }

    /** Counts a malformed row under its reason and in {@link #ticksRejected}. */
    public void rowRejected(final RejectReason reason)
    {
        rejectedByReason[reason.ordinal()].incrementRelease();
        ticksRejected.incrementRelease();
    }

    public long rejected(final RejectReason reason)
    {
        return rejectedByReason[reason.ordinal()].get();
    }

    /** Every counter by its dotted name. */
    public Map<String, Long> snapshot()
    {
        return registry.snapshot();
    }
}
