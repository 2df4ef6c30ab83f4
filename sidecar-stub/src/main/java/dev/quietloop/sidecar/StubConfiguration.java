package dev.quietloop.sidecar;

import java.util.concurrent.TimeUnit;

import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.process.CounterSet;

/**
 * Every flag of the stub's own, in one place: its name, its default and the range
 * {@link StubContext#conclude()} holds it to. The flag's name is also its key in the stub's section
 * of a run's {@code config.yaml} ({@link StubSection}), which {@code --config} reads back.
 * <p>
 * A duration may be up to a day: far beyond any run, and far from overflowing the nanosecond
 * arithmetic of a deadline. A count of messages or events has no bound but its type.
 */
public final class StubConfiguration
{
    public static final String BIND_FLAG = "--bind";
    public static final String BIND = "tcp://127.0.0.1:5557";

    public static final String DELAY_US_FLAG = "--delay-us";
    public static final long DELAY_US = 0;
    public static final long MAX_DELAY_US = TimeUnit.DAYS.toMicros(1);

    /** Off when not given: the stub never stalls. */
    public static final String STALL_AFTER_FLAG = "--stall-after";
    public static final long MIN_STALL_AFTER = 1;

    public static final String STALL_SECONDS_FLAG = "--stall-seconds";
    public static final long STALL_SECONDS = 0;
    public static final long MAX_STALL_SECONDS = TimeUnit.DAYS.toSeconds(1);

    /** Off when not given: the stub exits only when told to stop. */
    public static final String EXIT_AFTER_FLAG = "--exit-after";
    public static final long MIN_EXIT_AFTER = 1;

    public static final String IDLE_FLAG = "--idle";
    /** The receive loop wakes on work instead of spinning: the stub shares a 2-core box. */
    public static final String IDLE = IdleStrategies.WAKE;

    public static final String DRAIN_MS_FLAG = "--drain-ms";
    public static final long DRAIN_MS = 2_000;
    public static final long MAX_DRAIN_MS = TimeUnit.DAYS.toMillis(1);

    public static final String SUMMARY_FLAG = "--summary";

    public static final String TIME_HOPS_FLAG = "--time-hops";
    public static final boolean TIME_HOPS = true;

    public static final String WARMUP_EVENTS_FLAG = "--warmup-events";
    public static final long WARMUP_EVENTS = 0;

    public static final String EXIT_WITH_PARENT_FLAG = "--exit-with-parent";

    /** Beyond the drain time, how long a stop waits for the receive loop before giving up on it. */
    public static final long STOP_MARGIN_MS = 2_000;
    /** How long start-up waits for the receive loop to bind. */
    public static final long BIND_TIMEOUT_MS = 10_000;
    /** Room for every {@code sidecar.*} counter. */
    public static final int MAX_COUNTERS = CounterSet.MAX_COUNTERS;

    private StubConfiguration()
    {
    }
}
