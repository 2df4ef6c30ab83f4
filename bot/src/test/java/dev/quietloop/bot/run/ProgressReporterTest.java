package dev.quietloop.bot.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import dev.quietloop.bot.replay.RejectReason;
import org.junit.jupiter.api.Test;

class ProgressReporterTest
{
    private final BotCounters counters = new BotCounters();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void shouldShowTicksDoneOfTheTotalWithEventsAndRejections()
    {
        counters.ticks.set(250_000);
        counters.eventsProduced.set(7_000);
        counters.ringRejected.set(2);
        counters.rowRejected(RejectReason.CROSSED_BOOK);
        final ProgressReporter reporter = new ProgressReporter(counters, 1_000_000, 1_000, out);

        final String line = reporter.line(System.nanoTime());

        assertTrue(line.startsWith("bot: progress 250,000/1,000,000 ticks (25.0%) "), line);
        assertTrue(line.endsWith("events 7,000 (ring rejected 2), rows rejected 1"), line);
    }

    @Test
    void shouldPrintNothingForAReplayShorterThanOneInterval()
    {
        try (ProgressReporter reporter = new ProgressReporter(counters, 10, TimeUnit.HOURS.toMillis(1), out))
        {
            reporter.start();
            counters.ticks.set(10);
        }

        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
