package dev.quietloop.broker.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * The run second by second: events forwarded per second and the external send's p99 in each
 * interval of the send-latency log. Filled by one thread at a time, the reporter while it runs,
 * then the coordinator for the last interval; written as {@code timeline.csv} and plotted.
 */
public final class Timeline
{
    public static final String FILE = "timeline.csv";
    static final String HEADER = "secondsSinceStart,eventsForwarded,eventsPerSecond,sends,sendP99Us";

    /** One interval: when it ended, what was forwarded in it, how many sends and their p99. */
    public record Row(double secondsSinceStart, long eventsForwarded, double eventsPerSecond, long sends, long sendP99Ns)
    {
    }

    private final List<Row> rows = new ArrayList<>();
    private long startMs;
    private long lastMs;
    private long lastEventsForwarded;

    /** Begins the timeline at the time the send-latency log starts. */
    public void start(final long startMs)
    {
        this.startMs = startMs;
        this.lastMs = startMs;
        this.lastEventsForwarded = 0;
        rows.clear();
    }

    /**
     * Adds the interval that ended at {@code nowMs}.
     *
     * @param eventsForwarded the forwarder's running total, read at the end of the interval
     * @param interval        the external sends timed in the interval
     */
    public void add(final long nowMs, final long eventsForwarded, final Histogram interval)
    {
        final long events = eventsForwarded - lastEventsForwarded;
        final long elapsedMs = Math.max(1, nowMs - lastMs);
        rows.add(new Row((nowMs - startMs) / 1000.0, events, events * 1000.0 / elapsedMs,
            interval.getTotalCount(), interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99.0)));
        lastMs = nowMs;
        lastEventsForwarded = eventsForwarded;
    }

    public List<Row> rows()
    {
        return List.copyOf(rows);
    }

    /** Writes {@code timeline.csv}: one line per interval, the p99 in microseconds. */
    public void write(final Path file)
    {
        final List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(HEADER);
        for (final Row row : rows)
        {
            lines.add(String.format(Locale.ROOT, "%.3f,%d,%.1f,%d,%.1f", row.secondsSinceStart(),
                row.eventsForwarded(), row.eventsPerSecond(), row.sends(), row.sendP99Ns() / 1000.0));
        }
        try
        {
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }
}
