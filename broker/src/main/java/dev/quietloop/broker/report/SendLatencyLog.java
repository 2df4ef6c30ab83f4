package dev.quietloop.broker.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The send-latency interval log ({@code .hlog}): each roll swaps the forwarder's recorder for a
 * recycled histogram, appends the interval to the log and adds it to the run total. Used by one
 * thread at a time: the reporter while it runs, then the coordinator for the final interval.
 */
public final class SendLatencyLog implements AutoCloseable
{
    /** Recorder ceiling: a send that takes longer is recorded at this value. */
    public static final long HIGHEST_TRACKABLE_NS = TimeUnit.MINUTES.toNanos(10);
    public static final int SIGNIFICANT_DIGITS = 3;

    private final SingleWriterRecorder recorder;
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final Histogram total = new Histogram(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    private Histogram interval;

    public SendLatencyLog(final Path file, final SingleWriterRecorder recorder, final long startMs)
    {
        this.recorder = recorder;
        try
        {
            out = new PrintStream(new BufferedOutputStream(Files.newOutputStream(file)), false, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
        writer = new HistogramLogWriter(out);
        writer.outputLogFormatVersion();
        writer.outputStartTime(startMs);
        writer.setBaseTime(startMs);
        writer.outputLegend();
        out.flush();
    }

    /** A recorder whose histograms fit this log. */
    public static SingleWriterRecorder newRecorder()
    {
        return new SingleWriterRecorder(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    }

    /**
     * Ends the current interval: logs it and adds it to the total.
     *
     * @return the interval, valid until the next roll (its histogram is recycled).
     */
    public Histogram rollInterval()
    {
        interval = recorder.getIntervalHistogram(interval);
        writer.outputIntervalHistogram(interval);
        out.flush();
        total.add(interval);
        return interval;
    }

    /** Every send recorded in the intervals rolled so far. */
    public Histogram total()
    {
        return total;
    }

    @Override
    public void close()
    {
        writer.close();
    }
}
