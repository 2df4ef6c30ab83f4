package dev.quietloop.protocol.latency;

/**
 * Which of a run's events are its warm-up (JIT, page faults, first connections): those whose
 * sequence is {@link #lastSequence()} or lower. The hops record them apart from the headline
 * ({@code latencyNs.warmup.<hop>.*}), never drop them. The boundary is either fixed before the
 * run ({@code --warmup-events N}) or, by default, set by the trading thread once the first
 * {@link #defaultTicks(long) 5% of the ticks} are replayed: their events are the warm-up.
 * <p>
 * Why a share of the ticks: the bot counts the file's ticks when it opens it, before the replay,
 * but how many events a strategy makes of them is known only at the end. A share of the ticks
 * scales with any run length, from the sample's fraction of a second to a 2,000,000-tick replay.
 * The warm-up may take at most {@link #MAX_EVENTS_PERCENT}% of the run's events: a strategy whose
 * events crowd into the first ticks would break that, so a run checks it at the end
 * ({@link #fitsIn}) and then puts the warm-up back into the headline rather than leave out more.
 */
public final class WarmUp
{
    /** The events left out of the headline as the warm-up: sequences 1 to this; 0 for none. */
    public static final String EVENTS_KEY = "bot.warmupEvents";
    /** The ticks whose events made the default warm-up; 0 when {@code --warmup-events} set it, or none. */
    public static final String TICKS_KEY = "bot.warmupTicks";
    /** The events of the default warm-up's ticks put back into the headline: they were too many; 0 normally. */
    public static final String PUT_BACK_KEY = "bot.warmupPutBack";
    /** The default warm-up: the events of this share of the ticks... */
    public static final int DEFAULT_TICKS_PERCENT = 5;
    /** ...but never more ticks than this: by then the JIT has compiled the trading path long ago. */
    public static final long DEFAULT_MAX_TICKS = 100_000;
    /** The most a warm-up may take of a run's events. */
    public static final int MAX_EVENTS_PERCENT = 10;

    /** {@link #lastSequence()} while a warm-up by ticks runs: every sequence so far is in it. */
    public static final long OPEN = Long.MAX_VALUE;

    private final long ticks;
    /** Written once by the trading thread, read by the hops' threads: a release-acquire pair. */
    private volatile long lastSequence;

    private WarmUp(final long ticks, final long lastSequence)
    {
        this.ticks = ticks;
        this.lastSequence = lastSequence;
    }

    /** No warm-up: every event is in the headline. */
    public static WarmUp none()
    {
        return new WarmUp(0, 0);
    }

    /** The events with a sequence up to {@code events}, fixed before the run; 0 for none. */
    public static WarmUp ofEvents(final long events)
    {
        if (events < 0)
        {
            throw new IllegalArgumentException("warmupEvents must not be negative: " + events);
        }
        return new WarmUp(0, events);
    }

    /**
     * The events of the first {@code ticks} ticks: every event is in the warm-up until the trading
     * thread {@link #endAt ends} it after that many ticks. 0 ticks is no warm-up.
     */
    public static WarmUp ofTicks(final long ticks)
    {
        if (ticks < 0)
        {
            throw new IllegalArgumentException("warm-up ticks must not be negative: " + ticks);
        }
        return new WarmUp(ticks, ticks == 0 ? 0 : OPEN);
    }

    /** The default warm-up's ticks for a run of {@code runTicks}: 5% of them, at most {@link #DEFAULT_MAX_TICKS}. */
    public static long defaultTicks(final long runTicks)
    {
        return Math.min(runTicks * DEFAULT_TICKS_PERCENT / 100, DEFAULT_MAX_TICKS);
    }

    /** Whether a warm-up of {@code warmupEvents} is within {@link #MAX_EVENTS_PERCENT}% of {@code eventsProduced}. */
    public static boolean fitsIn(final long warmupEvents, final long eventsProduced)
    {
        return warmupEvents * 100 <= eventsProduced * MAX_EVENTS_PERCENT;
    }

    /** The ticks of a warm-up set by ticks; 0 for one set by events, or none. */
    public long ticks()
    {
        return ticks;
    }

    /** The warm-up's last sequence: {@link #OPEN} while a warm-up by ticks runs, 0 for none. */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** Whether a warm-up by ticks has not been ended yet: every event so far is in it. */
    public boolean isOpen()
    {
        return lastSequence == OPEN;
    }

    /**
     * Ends a warm-up by ticks after the event with this sequence, on the thread that gives out the
     * sequences, before it gives out the next: a hop that sees a later event sees the end too.
     */
    public void endAt(final long lastSequence)
    {
        this.lastSequence = lastSequence;
    }
}
