package dev.quietloop.protocol.latency;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One hop's latency, recorded by the one thread that owns the hop into a
 * {@link SingleWriterRecorder}, and turned into percentiles ({@code latencyNs.<hop>.*}), an
 * HdrHistogram log and a percentile distribution at the end. Timing is a switch: when off, the
 * {@code record} methods read no clock and write nothing; the hot path pays one well-predicted
 * branch on a final field.
 * <p>
 * The warm-up (JIT, page faults, first connections) is left out by event sequence, not by time or
 * by a reset: a hop built with {@code warmupEvents = N} ignores every event whose sequence is N or
 * lower. Every process sees the same sequences, so the bot's and the sidecar's hops leave out the
 * same events, and nothing has to be cleared while the measured run starts: a
 * {@link SingleWriterRecorder#reset()} takes a lock and waits for the recording thread, on
 * whichever thread calls it. For the hot path the warm-up and the switch are one comparison.
 */
public final class HopLatency
{
    /** Summary keys: {@code latencyNs.<hop>.p99} and so on. */
    public static final String KEY_PREFIX = "latencyNs.";
    /** Up to an hour, at 3 significant digits: a stall shows as its true length, never as an error. */
    public static final long HIGHEST_TRACKABLE_NS = 3_600_000_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;
    /** The distribution files' unit: values in microseconds, as HdrHistogram's plotter expects. */
    private static final double NS_PER_US = 1000.0;

    private final Hop hop;
    private final boolean enabled;
    /**
     * The highest sequence left out: the warm-up's last when timed, {@link Long#MAX_VALUE} when off,
     * so that one comparison both switches the hop off and skips the warm-up.
     */
    private final long lastUntimedSequence;
    private final SingleWriterRecorder recorder;
    private final Histogram total = new Histogram(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    private Histogram interval;

    private HopLatency(final Hop hop, final boolean enabled, final long warmupEvents)
    {
        if (warmupEvents < 0)
        {
            throw new IllegalArgumentException("warmupEvents must not be negative: " + warmupEvents);
        }
        this.hop = hop;
        this.enabled = enabled;
        this.lastUntimedSequence = enabled ? warmupEvents : Long.MAX_VALUE;
        this.recorder = enabled ? new SingleWriterRecorder(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS) : null;
    }

    /** A hop whose latency is recorded when {@code enabled}, else a switch that costs nothing; no warm-up. */
    public static HopLatency of(final Hop hop, final boolean enabled)
    {
        return new HopLatency(hop, enabled, 0);
    }

    /**
     * A hop whose events with a sequence of {@code warmupEvents} or lower are a warm-up, never timed
     * (0: none), and whose later events are timed when {@code enabled}.
     */
    public static HopLatency of(final Hop hop, final boolean enabled, final long warmupEvents)
    {
        return new HopLatency(hop, enabled, warmupEvents);
    }

    public Hop hop()
    {
        return hop;
    }

    public boolean isEnabled()
    {
        return enabled;
    }

    /**
     * Records {@code now - startNs} for the event with this {@code sequence}, on the hop's own
     * thread. Reads no clock and records nothing when the hop is off or the event is in the warm-up.
     */
    public void recordEvent(final long sequence, final long startNs)
    {
        if (sequence > lastUntimedSequence)
        {
            recorder.recordValue(clamp(System.nanoTime() - startNs));
        }
    }

    /**
     * Records {@code endNs - startNs} for the event with this {@code sequence}, for a caller that
     * has read the clock already (once for a whole frame, say); nothing when the hop is off or the
     * event is in the warm-up.
     */
    public void recordEvent(final long sequence, final long startNs, final long endNs)
    {
        if (sequence > lastUntimedSequence)
        {
            recorder.recordValue(clamp(endNs - startNs));
        }
    }

    /**
     * Records {@code count} events that took {@code endNs - startNs} each, for a caller that sees
     * frames and not their events' sequences (the broker forwards frames undecoded). No warm-up
     * applies here: a hop that leaves out a warm-up is recorded with {@link #recordEvent}. Does
     * nothing when the hop is off.
     */
    public void record(final long startNs, final long endNs, final int count)
    {
        if (enabled && count > 0)
        {
            recorder.recordValueWithCount(clamp(endNs - startNs), count);
        }
    }

    /**
     * Records one sample of a meter that expects a sample every {@code expectedIntervalNs}, as
     * jHiccup does: a sample more than one interval late also stands for the samples its stall kept
     * from being taken, at {@code valueNs - interval}, {@code valueNs - 2 * interval} and so on
     * while they are an interval or more (coordinated omission, corrected). No warm-up applies;
     * nothing when the hop is off.
     */
    public void recordSample(final long valueNs, final long expectedIntervalNs)
    {
        if (enabled)
        {
            recorder.recordValueWithExpectedInterval(clamp(valueNs), expectedIntervalNs);
        }
    }

    /**
     * Everything recorded so far, added to the run's total; any thread may call it, after which the
     * recorder starts a new interval. Empty when the hop is off.
     */
    public Histogram total()
    {
        if (enabled)
        {
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
        }
        return total;
    }

    /** The hop's percentiles in nanoseconds under {@code latencyNs.<hop>.*}; none when the hop is off. */
    public Map<String, Long> percentiles()
    {
        return enabled ? percentiles(KEY_PREFIX + hop.key(), total()) : Map.of();
    }

    /** A histogram's count, p50, p90, p99, p99.9 and max under {@code prefix.*}. */
    public static Map<String, Long> percentiles(final String prefix, final Histogram histogram)
    {
        final Map<String, Long> values = new TreeMap<>();
        values.put(prefix + ".count", histogram.getTotalCount());
        values.put(prefix + ".p50", histogram.getValueAtPercentile(50.0));
        values.put(prefix + ".p90", histogram.getValueAtPercentile(90.0));
        values.put(prefix + ".p99", histogram.getValueAtPercentile(99.0));
        values.put(prefix + ".p99_9", histogram.getValueAtPercentile(99.9));
        values.put(prefix + ".max", histogram.getMaxValue());
        return values;
    }

    /**
     * Writes the hop's files into {@code dir}: the whole run as one interval of an HdrHistogram log
     * ({@link Hop#logFile()}, untagged, so {@code HistogramLogProcessor} reads it without options)
     * and its percentile distribution ({@link Hop#distributionFile()}). Nothing when the hop is off.
     */
    public void writeFiles(final Path dir, final long startTimeMs)
    {
        if (!enabled)
        {
            return;
        }
        final Histogram histogram = total().copy();
        histogram.setStartTimeStamp(startTimeMs);
        histogram.setEndTimeStamp(System.currentTimeMillis());
        final Path log = dir.resolve(hop.logFile());
        try (PrintStream out = new PrintStream(Files.newOutputStream(log), false, StandardCharsets.US_ASCII))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(startTimeMs);
            writer.setBaseTime(startTimeMs);
            writer.outputLegend();
            writer.outputIntervalHistogram(histogram);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + log, ex);
        }
        writeDistribution(dir.resolve(hop.distributionFile()), histogram);
    }

    /** Writes a histogram's percentile distribution ({@code .hgrm}) in microseconds. */
    public static void writeDistribution(final Path file, final Histogram histogram)
    {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.US_ASCII))
        {
            histogram.outputPercentileDistribution(out, NS_PER_US);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    /** Every interval of an HdrHistogram log added up: the run's total for the hop it holds. */
    public static Histogram readLog(final Path file)
    {
        final Histogram sum = new Histogram(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile()))
        {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null)
            {
                sum.add((Histogram)next);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        return sum;
    }

    private static long clamp(final long latencyNs)
    {
        return Math.min(Math.max(latencyNs, 0), HIGHEST_TRACKABLE_NS);
    }
}
