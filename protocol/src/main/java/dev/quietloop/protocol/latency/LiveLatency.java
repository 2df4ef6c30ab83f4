package dev.quietloop.protocol.latency;

import java.util.function.Function;

import dev.quietloop.protocol.process.CounterSet;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * A hop's last interval, published into its process's counters file so that {@code bin/stat.sh}
 * and the broker's {@code /metrics} can show the latency live: {@code live.<hop>.events},
 * {@code .p50Ns}, {@code .p99Ns}, {@code .p999Ns} and {@code .maxNs}. Set once an interval by the
 * one thread that rolls the hop's recorder, never by the thread that records. The run's own
 * figures are the summary's; these are left out of it ({@link CounterSet#snapshot()}).
 */
public final class LiveLatency
{
    /** What every live-latency counter's name starts with. */
    public static final String PREFIX = "live.";
    public static final String EVENTS = "events";
    public static final String P50_NS = "p50Ns";
    public static final String P99_NS = "p99Ns";
    public static final String P999_NS = "p999Ns";
    public static final String MAX_NS = "maxNs";

    private final AtomicCounter events;
    private final AtomicCounter p50Ns;
    private final AtomicCounter p99Ns;
    private final AtomicCounter p999Ns;
    private final AtomicCounter maxNs;

    /**
     * @param hop   the hop's name in its summary keys, {@code externalSend}
     * @param maker makes a counter of the process's by name
     */
    public LiveLatency(final String hop, final Function<String, AtomicCounter> maker)
    {
        final String prefix = PREFIX + hop + ".";
        events = maker.apply(prefix + EVENTS);
        p50Ns = maker.apply(prefix + P50_NS);
        p99Ns = maker.apply(prefix + P99_NS);
        p999Ns = maker.apply(prefix + P999_NS);
        maxNs = maker.apply(prefix + MAX_NS);
    }

    /** Publishes {@code interval}: how many it holds, its quantiles and its largest, in ns. */
    public void publish(final Histogram interval)
    {
        final long count = interval.getTotalCount();
        p50Ns.setRelease(0 == count ? 0 : interval.getValueAtPercentile(50));
        p99Ns.setRelease(0 == count ? 0 : interval.getValueAtPercentile(99));
        p999Ns.setRelease(0 == count ? 0 : interval.getValueAtPercentile(99.9));
        maxNs.setRelease(0 == count ? 0 : interval.getMaxValue());
        events.setRelease(count); // last: a reader that sees the count sees the quantiles of its interval or a later one
    }
}
