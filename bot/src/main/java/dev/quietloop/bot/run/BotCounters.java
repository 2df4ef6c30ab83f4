package dev.quietloop.bot.run;

import dev.quietloop.bot.replay.RejectReason;
import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.protocol.process.CounterSet;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The bot's counters, reported as {@code bot.*}. Each has one writing thread, which bumps it with
 * a release store; the sender reads the trading thread's counters for its heartbeats, and the
 * progress reporter reads them once a second.
 */
public final class BotCounters extends CounterSet
{
    /** Prefix of the per-reason counts of malformed rows: {@code bot.rejected.crossedBook}. */
    public static final String REJECTED_PREFIX = Accounting.BOT_REJECTED_PREFIX;

    /**
     * This bot's source id, set once at start: what tells its counters from another bot's in
     * {@code bin/stat.sh} and in the broker's {@code /metrics} (its {@code source} label).
     */
    public final AtomicCounter sourceId = counter(Accounting.BOT_SOURCE_ID);
    /** Accepted rows replayed through the strategy (trading thread). */
    public final AtomicCounter ticks = counter(Accounting.BOT_TICKS);
    /** Malformed rows skipped by the replay, every reason (trading thread). */
    public final AtomicCounter ticksRejected = counter(Accounting.BOT_TICKS_REJECTED);
    /** Business events given a sequence, published or not (trading thread). */
    public final AtomicCounter eventsProduced = counter(Accounting.BOT_EVENTS_PRODUCED);
    /** Business events refused by a full ring (trading thread). */
    public final AtomicCounter ringRejected = counter(Accounting.BOT_RING_REJECTED);
    /** Business events handed to the socket (sender thread; the trading thread in direct mode). */
    public final AtomicCounter eventsSent = counter(Accounting.BOT_EVENTS_SENT);
    /** Frames handed to the socket, control frames included (sender thread; the trading thread in direct mode). */
    public final AtomicCounter framesSent = counter(Accounting.BOT_FRAMES_SENT);
    /** Heartbeat frames handed to the socket (sender thread). */
    public final AtomicCounter heartbeatsSent = counter(Accounting.BOT_HEARTBEATS_SENT);
    /**
     * Business events published to the ring but not handed to the socket before the drain deadline;
     * in direct mode, events the socket did not take within its send timeout.
     */
    public final AtomicCounter unsent = counter(Accounting.BOT_UNSENT);
    /** Errors caught on the sender thread (each is printed once). */
    public final AtomicCounter errors = counter(Accounting.BOT_ERRORS);
    /** 1 when the replay started without the broker's handshake: the link wait ran out (sender thread at start). */
    public final AtomicCounter linkWaitTimedOut = counter(Accounting.BOT_LINK_WAIT_TIMED_OUT);
    /** ZMTP handshakes completed with the broker. */
    public final AtomicCounter linkUps = counter(Accounting.BOT_LINK_UPS);
    /** Business events the broker acknowledged taking: what the bot may call delivered. */
    public final AtomicCounter eventsAcked = counter(Accounting.BOT_EVENTS_ACKED);
    /** Sent but not acknowledged by the end of the drain: not proven delivered (set once, at the end). */
    public final AtomicCounter unacked = counter(Accounting.BOT_UNACKED);
    /** 1 when the broker refused this bot's CURVE key (the link never came up): the run cannot succeed. */
    public final AtomicCounter linkRejected = counter(Accounting.BOT_LINK_REJECTED);

    private final AtomicCounter[] rejectedByReason = rejectedByReason();

    /** Counters in memory, for tests. */
    public BotCounters()
    {
        this(new CounterRegistry(MAX_COUNTERS));
    }

    /** Counters in the given registry: the process's counters file, so bin/stat.sh sees them. */
    public BotCounters(final CounterRegistry registry)
    {
        super(registry);
    }

    private AtomicCounter[] rejectedByReason()
    {
        final AtomicCounter[] byReason = new AtomicCounter[RejectReason.values().length];
        for (final RejectReason reason : RejectReason.values())
        {
            byReason[reason.ordinal()] = counter(REJECTED_PREFIX + reason.key());
        }
        return byReason;
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
}
