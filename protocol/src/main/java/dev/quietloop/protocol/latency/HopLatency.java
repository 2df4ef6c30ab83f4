package dev.quietloop.protocol.latency;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One hop's latency, recorded by the one thread that owns the hop into a
 * {@link SingleWriterRecorder}, and turned into percentiles ({@code latencyNs.<hop>.*}) and an
 * HdrHistogram log at the end. Timing is a switch: when off, {@link #record(long)} reads no clock
 * and writes nothing; the hot path pays one well-predicted branch on a final field.
 */
public final class HopLatency
{
    /** Summary keys: {@code latencyNs.<hop>.p99} and so on. */
    public static final String KEY_PREFIX = "latencyNs.";
    /** Up to an hour, at 3 significant digits: a stall shows as its true length, never as an error. */
    public static final long HIGHEST_TRACKABLE_NS = 3_600_000_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;

    private final String hop;
    private final boolean enabled;
    private final SingleWriterRecorder recorder;
    private final Histogram total = new Histogram(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    private Histogram interval;

    private HopLatency(final String hop, final boolean enabled)
    {
        this.hop = hop;
        this.enabled = enabled;
        this.recorder = enabled ? new SingleWriterRecorder(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS) : null;
    }

    /** A hop whose latency is recorded when {@code enabled}, else a switch that costs nothing. */
    public static HopLatency of(final String hop, final boolean enabled)
    {
        return new HopLatency(hop, enabled);
    }

    public String hop()
    {
        return hop;
    }

    public boolean isEnabled()
    {
        return enabled;
    }

    /** Records {@code now - startNs}, on the hop's own thread; does nothing when the hop is off. */
    public void record(final long startNs)
    {
        if (enabled)
        {
            final long latencyNs = System.nanoTime() - startNs;
            recorder.recordValue(Math.min(Math.max(latencyNs, 0), HIGHEST_TRACKABLE_NS));
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
        return enabled ? percentiles(KEY_PREFIX + hop, total()) : Map.of();
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
     * Writes the whole run as one interval of an HdrHistogram log, which {@code HistogramLogProcessor}
     * reads, tagged with the hop's name. Nothing when the hop is off.
     */
    public void writeLog(final Path file, final long startTimeMs)
    {
        if (!enabled)
        {
            return;
        }
        final Histogram histogram = total();
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "US-ASCII"))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(startTimeMs);
            writer.outputLegend();
            final Histogram tagged = histogram.copy();
            tagged.setTag(hop);
            tagged.setStartTimeStamp(startTimeMs);
            tagged.setEndTimeStamp(System.currentTimeMillis());
            writer.outputIntervalHistogram(tagged);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }
}
