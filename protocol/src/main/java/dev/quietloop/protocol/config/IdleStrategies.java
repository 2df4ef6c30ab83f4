package dev.quietloop.protocol.config;

import java.util.concurrent.TimeUnit;

import dev.quietloop.protocol.wake.WakeOnWorkIdleStrategy;
import dev.quietloop.protocol.wake.WorkWait;
import dev.quietloop.wire.ConfigException;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * One configuration word per thread role: {@code wake}, {@code spin}, {@code noop}, {@code yield},
 * {@code backoff} or {@code sleep} (optionally {@code sleep:200us}, {@code sleep:1ms}).
 * A spinning thread takes a core whole, so on a 2-core box only the trading thread may spin.
 * {@code wake} blocks until there is work ({@link WakeOnWorkIdleStrategy}): it needs what to wait
 * on, a ring's doorbell or a socket, so only the threads that have one take it.
 */
public final class IdleStrategies
{
    public static final String SPIN = "spin";
    public static final String BACKOFF = "backoff";
    public static final String WAKE = WakeOnWorkIdleStrategy.ALIAS;
    public static final String NAMES = "wake, spin, noop, yield, backoff, sleep[:N(ns|us|ms)]";

    /**
     * Wake: 100 spins (a few microseconds) catch work that follows closely, then a block of at most
     * 10 ms. No yields: a yield is a system call, 1.7 us each on the KVM guest measured here, and
     * 20 of them per idle spell cost more CPU than the blocks they put off.
     */
    private static final int WAKE_SPINS = 100;
    private static final int WAKE_YIELDS = 0;
    public static final long WAKE_MAX_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Backoff: 10 spins, 20 yields, then parks from 1 us doubling up to 1 ms. */
    private static final long BACKOFF_MIN_PARK_NS = TimeUnit.MICROSECONDS.toNanos(1);
    private static final long BACKOFF_MAX_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long DEFAULT_SLEEP_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private IdleStrategies()
    {
    }

    /** Checks the word given for a flag; the message of a bad one names the flag. */
    public static String validate(final String flag, final String word)
    {
        try
        {
            if (!isWake(word))
            {
                parse(word);
            }
            return word;
        }
        catch (final ConfigException ex)
        {
            throw new ConfigException(flag + ": " + ex.getMessage(), ex);
        }
    }

    /** The strategy {@code word} names, where {@code wake} blocks in {@code wait} (null: refused, as by {@link #parse(String)}). */
    public static IdleStrategy parse(final String word, final WorkWait wait)
    {
        if (isWake(word) && null != wait)
        {
            return new WakeOnWorkIdleStrategy(wait, WAKE_SPINS, WAKE_YIELDS, WAKE_MAX_WAIT_NS);
        }
        return parse(word);
    }

    /** True for the word of {@link WakeOnWorkIdleStrategy}. */
    public static boolean isWake(final String word)
    {
        return null != word && WAKE.equals(word.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The strategy {@code word} names, for a thread that has nothing to wait on.
     *
     * @throws ConfigException for a word that names no strategy, or {@code wake}.
     */
    public static IdleStrategy parse(final String word)
    {
        if (word == null)
        {
            throw new ConfigException("missing idle strategy (expected one of " + NAMES + ")");
        }
        final String w = word.trim().toLowerCase(java.util.Locale.ROOT);
        switch (w)
        {
            case SPIN:
                return new BusySpinIdleStrategy();
            case "noop":
                return new NoOpIdleStrategy();
            case "yield":
                return new YieldingIdleStrategy();
            case BACKOFF:
                return new BackoffIdleStrategy(10, 20, BACKOFF_MIN_PARK_NS, BACKOFF_MAX_PARK_NS);
            case "sleep":
                return new SleepingIdleStrategy(DEFAULT_SLEEP_NS);
            default:
                if (w.startsWith("sleep:"))
                {
                    return new SleepingIdleStrategy(parseDurationNs(w.substring("sleep:".length()), word));
                }
                if (isWake(w))
                {
                    throw new ConfigException("idle strategy '" + word + "' needs work to wait for, and this thread has none " +
                        "(expected one of " + NAMES.substring(WAKE.length() + 2) + ")");
                }
                throw new ConfigException("unknown idle strategy '" + word + "' (expected one of " + NAMES + ")");
        }
    }

    private static long parseDurationNs(final String text, final String word)
    {
        final long multiplier;
        final String digits;
        if (text.endsWith("ns"))
        {
            multiplier = 1;
            digits = text.substring(0, text.length() - 2);
        }
        else if (text.endsWith("us"))
        {
            multiplier = 1_000;
            digits = text.substring(0, text.length() - 2);
        }
        else if (text.endsWith("ms"))
        {
            multiplier = 1_000_000;
            digits = text.substring(0, text.length() - 2);
        }
        else
        {
            throw new ConfigException("bad sleep period in idle strategy '" + word + "' (expected e.g. sleep:200us)");
        }
        try
        {
            final long value = Long.parseLong(digits);
            if (value <= 0)
            {
                throw new NumberFormatException();
            }
            return value * multiplier;
        }
        catch (final NumberFormatException ex)
        {
            throw new ConfigException("bad sleep period in idle strategy '" + word + "' (expected e.g. sleep:200us)");
        }
    }
}
