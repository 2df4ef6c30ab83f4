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
 * The warm-up (JIT, page faults, first connections) is told apart by event, not by time or by a
 * reset: the events of a {@link WarmUp} (sequence N or lower) go into a recorder of their own, kept
 * out of the headline and reported beside it ({@code latencyNs.warmup.<hop>.*}, the hop's
 * {@code -warmup.hlog}). The bot knows where its warm-up ends; the hops downstream of it (the
 * broker's, the sidecar's) learn it from the frames, which the bot flags as warm-up
 * ({@code Frame.FLAG_WARM_UP}) and never mixes, and record them with {@link #record(long, long, int, boolean)}.
 * So every hop leaves out the same events, and nothing has to be cleared while the measured run
 * starts: a {@link SingleWriterRecorder#reset()} takes a lock and waits for the recording thread,
 * on whichever thread calls it.
 */
public final class HopLatency
{
    /** Summary keys: {@code latencyNs.<hop>.p99} and so on. */
    public static final String KEY_PREFIX = "latencyNs.";
    /** The warm-up's summary keys: {@code latencyNs.warmup.<hop>.p99} and so on. */
    public static final String WARMUP_KEY_PREFIX = KEY_PREFIX + "warmup.";
    /** Up to an hour, at 3 significant digits: a stall shows as its true length, never as an error. */
    public static final long HIGHEST_TRACKABLE_NS = 3_600_000_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;
    /** The distribution files' unit: values in microseconds, as HdrHistogram's plotter expects. */
    private static final double NS_PER_US = 1000.0;

    private final Hop hop;
    private final boolean enabled;
    private final WarmUp warmUp;
    private final SingleWriterRecorder recorder;
    /**
     * The warm-up's events, apart from the headline; null when the hop is off. Made even when this
     * hop's own {@link WarmUp} is none: a frame may say that its events are the bot's warm-up.
     */
    private final SingleWriterRecorder warmUpRecorder;
    private final Histogram total = new Histogram(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    private final Histogram warmUpTotal = new Histogram(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    private Histogram interval;
    private Histogram warmUpInterval;

    private HopLatency(final Hop hop, final boolean enabled, final WarmUp warmUp)
    {
        this.hop = hop;
        this.enabled = enabled;
        this.warmUp = warmUp;
        this.recorder = enabled ? new SingleWriterRecorder(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS) : null;
        this.warmUpRecorder = enabled ? new SingleWriterRecorder(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS) : null;
    }

    /** A hop whose latency is recorded when {@code enabled}, else a switch that costs nothing; no warm-up. */
    public static HopLatency of(final Hop hop, final boolean enabled)
    {
        return new HopLatency(hop, enabled, WarmUp.none());
    }

    /**
     * A hop whose events with a sequence of {@code warmupEvents} or lower are a warm-up, recorded
     * apart from the headline (0: none), timed when {@code enabled}.
     */
    public static HopLatency of(final Hop hop, final boolean enabled, final long warmupEvents)
    {
        return new HopLatency(hop, enabled, WarmUp.ofEvents(warmupEvents));
    }

    /** A hop whose warm-up's events, fixed or ended while the run goes on, are recorded apart from the headline. */
    public static HopLatency of(final Hop hop, final boolean enabled, final WarmUp warmUp)
    {
        return new HopLatency(hop, enabled, warmUp);
    }

    public Hop hop()
    {
        return hop;
    }

    public boolean isEnabled()
    {
        return enabled;
    }

    /** Which events are this hop's warm-up. */
    public WarmUp warmUp()
    {
        return warmUp;
    }

    /**
     * Records {@code now - startNs} for the event with this {@code sequence}, on the hop's own
     * thread, into the headline or, for an event of the warm-up, apart. Reads no clock and records
     * nothing when the hop is off.
     */
    public void recordEvent(final long sequence, final long startNs)
    {
        if (enabled)
        {
            recordEvent(sequence, startNs, System.nanoTime());
        }
    }

    /**
     * Records {@code endNs - startNs} for the event with this {@code sequence}, for a caller that
     * has read the clock already (once for a whole frame, say): into the headline or, for an event
     * of the warm-up, apart; nothing when the hop is off.
     */
    public void recordEvent(final long sequence, final long startNs, final long endNs)
    {
        if (enabled)
        {
            record(startNs, endNs, 1, sequence <= warmUp.lastSequence());
        }
    }

    /**
     * Records {@code count} events that took {@code endNs - startNs} each, into the headline: for a
     * caller that knows of no warm-up. Does nothing when the hop is off.
     */
    public void record(final long startNs, final long endNs, final int count)
    {
        record(startNs, endNs, count, false);
    }

    /**
     * Records {@code count} events that took {@code endNs - startNs} each, for a caller that sees
     * frames, not sequences (the broker forwards frames undecoded): into the warm-up's recorder when
     * {@code warmUp}, the frame's flag, says they are the bot's warm-up, else into the headline. This
     * hop's own {@link WarmUp} does not apply. Does nothing when the hop is off.
     */
    public void record(final long startNs, final long endNs, final int count, final boolean warmUp)
    {
        if (enabled && count > 0)
        {
            (warmUp ? warmUpRecorder : recorder).recordValueWithCount(clamp(endNs - startNs), count);
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
     * Ends the interval: publishes it live ({@link LiveHops}, the headline's events alone) and adds
     * it to the run's total. Off every recording thread.
     */
    public synchronized void publishLive(final LiveLatency live)
    {
        if (enabled)
        {
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
            live.publish(interval);
        }
    }

    /**
     * Everything recorded so far past the warm-up, added to the run's total; any thread may call
     * it, after which the recorder starts a new interval. Empty when the hop is off.
     */
    public synchronized Histogram total()
    {
        if (enabled)
        {
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
        }
        return total;
    }

    /** The warm-up's events recorded so far, as {@link #total()} does for the rest; empty when there are none. */
    public synchronized Histogram warmUpTotal()
    {
        if (null != warmUpRecorder)
        {
            warmUpInterval = warmUpRecorder.getIntervalHistogram(warmUpInterval);
            warmUpTotal.add(warmUpInterval);
        }
        return warmUpTotal;
    }

    /**
     * Puts the warm-up's events back into the headline, once the recording threads are done: for a
     * run whose warm-up turned out to be more than it may leave out ({@link WarmUp#fitsIn}).
     */
    public void foldWarmUpIntoHeadline()
    {
        final Histogram warmUpEvents = warmUpTotal();
        total().add(warmUpEvents);
        warmUpEvents.reset();
    }

    /**
     * The hop's percentiles in nanoseconds under {@code latencyNs.<hop>.*}, and its warm-up's under
     * {@code latencyNs.warmup.<hop>.*} when it recorded any; none when the hop is off.
     */
    public Map<String, Long> percentiles()
    {
        if (!enabled)
        {
            return Map.of();
        }
        final Map<String, Long> values = percentiles(KEY_PREFIX + hop.key(), total());
        final Histogram warmUpEvents = warmUpTotal();
        if (warmUpEvents.getTotalCount() > 0)
        {
            values.putAll(percentiles(WARMUP_KEY_PREFIX + hop.key(), warmUpEvents));
        }
        return values;
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
     * and its percentile distribution ({@link Hop#distributionFile()}); the warm-up's log beside
     * them ({@link Hop#warmUpLogFile()}) when it recorded any, without a distribution: its
     * percentiles are in the summary, and a report folder stays small. Nothing when the hop is off.
     */
    public void writeFiles(final Path dir, final long startTimeMs)
    {
        if (!enabled)
        {
            return;
        }
        final long endTimeMs = System.currentTimeMillis();
        final Histogram histogram = stamped(total(), startTimeMs, endTimeMs);
        writeLog(dir.resolve(hop.logFile()), histogram, startTimeMs);
        writeDistribution(dir.resolve(hop.distributionFile()), histogram);
        final Histogram warmUpEvents = warmUpTotal();
        if (warmUpEvents.getTotalCount() > 0)
        {
            writeLog(dir.resolve(hop.warmUpLogFile()), stamped(warmUpEvents, startTimeMs, endTimeMs), startTimeMs);
        }
    }

    private static Histogram stamped(final Histogram recorded, final long startTimeMs, final long endTimeMs)
    {
        final Histogram histogram = recorded.copy();
        histogram.setStartTimeStamp(startTimeMs);
        histogram.setEndTimeStamp(endTimeMs);
        return histogram;
    }

    /** Writes one histogram as a log of one interval, untagged, based at {@code startTimeMs}. */
    public static void writeLog(final Path log, final Histogram histogram, final long startTimeMs)
    {
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

    /**
     * Puts a hop's warm-up log in {@code dir} back into the hop's own files: its log and distribution
     * are written again with the warm-up's events in them, and the warm-up's log goes. For a hop
     * downstream of the bot, which timed the flagged frames apart before the run knew that its
     * warm-up was too large to leave out ({@link WarmUp#fitsIn}); the bot folds its own hops in
     * memory ({@link #foldWarmUpIntoHeadline()}).
     *
     * @return the hop's events, the warm-up's among them.
     */
    public static Histogram foldWarmUpLog(final Path dir, final Hop hop)
    {
        final Path log = dir.resolve(hop.logFile());
        final Path warmUpLog = dir.resolve(hop.warmUpLogFile());
        final Histogram all = readLog(log);
        final Histogram warmUpEvents = readLog(warmUpLog);
        all.add(warmUpEvents);
        all.setStartTimeStamp(Math.min(all.getStartTimeStamp(), warmUpEvents.getStartTimeStamp()));
        all.setEndTimeStamp(Math.max(all.getEndTimeStamp(), warmUpEvents.getEndTimeStamp()));
        writeLog(log, all, all.getStartTimeStamp());
        writeDistribution(dir.resolve(hop.distributionFile()), all);
        try
        {
            Files.delete(warmUpLog);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + warmUpLog, ex);
        }
        return all;
    }

    /**
     * Every interval of an HdrHistogram log added up: the run's total for the hop it holds, stamped
     * from the first interval's start to the last one's end.
     */
    public static Histogram readLog(final Path file)
    {
        final Histogram sum = new Histogram(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
        long startTimeMs = Long.MAX_VALUE;
        long endTimeMs = 0;
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile()))
        {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null)
            {
                sum.add((Histogram)next);
                startTimeMs = Math.min(startTimeMs, next.getStartTimeStamp());
                endTimeMs = Math.max(endTimeMs, next.getEndTimeStamp());
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        if (endTimeMs > 0)
        {
            sum.setStartTimeStamp(startTimeMs);
            sum.setEndTimeStamp(endTimeMs);
        }
        return sum;
    }

    private static long clamp(final long latencyNs)
    {
        return Math.min(Math.max(latencyNs, 0), HIGHEST_TRACKABLE_NS);
    }
}
