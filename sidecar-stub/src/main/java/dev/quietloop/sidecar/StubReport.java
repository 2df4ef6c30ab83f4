package dev.quietloop.sidecar;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import dev.quietloop.protocol.process.SummaryJson;
import dev.quietloop.sidecar.check.SequenceChecker;
import dev.quietloop.sidecar.receive.ReceiveTally;

/** The stub's output at exit: the {@code sidecar.*} summary file and a few lines for a person. */
final class StubReport
{
    private final Map<String, Long> counters;

    StubReport(final Map<String, Long> counters)
    {
        this.counters = counters;
    }

    void write(final Path summary)
    {
        if (summary != null)
        {
            SummaryJson.write(summary, counters);
        }
    }

    void print(final PrintStream out)
    {
        out.println(SidecarStub.ROLE + ": received " + value(ReceiveTally.EVENTS_RECEIVED) + " events in " +
            value(ReceiveTally.FRAMES_RECEIVED) + " frames, gaps " + value(SequenceChecker.GAPS) +
            ", duplicates " + value(SequenceChecker.DUPLICATES) + ", decode errors " +
            value(ReceiveTally.DECODE_ERRORS));
        out.println(SidecarStub.ROLE + ": streams " + value(SequenceChecker.STREAMS) + ", ended " +
            value(SequenceChecker.STREAMS_ENDED));
        out.flush();
    }

    long value(final String key)
    {
        return counters.getOrDefault(key, 0L);
    }
}
