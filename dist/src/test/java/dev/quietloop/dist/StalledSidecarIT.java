package dev.quietloop.dist;

import java.nio.file.Path;
import java.util.Map;

import dev.quietloop.protocol.process.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sidecar that stops reading, against a tiny bot ring and tiny buffers on every hop: the
 * back-pressure reaches the bot, whose trading thread never waits and counts what the full ring
 * refused. Those events are the sidecar's gaps, and the accounting still balances exactly.
 */
class StalledSidecarIT
{
    @TempDir
    Path dir;

    @Test
    void shouldCountRingRejectionsAsGapsAndStillBalance() throws Exception
    {
        final Map<String, Long> summary = PipelineIT.runBroker(dir, ExitCodes.OK, "stalled",
            "--ring-size", "2", "--hwm", "1",
            "--bot-arg=--ring-size=16", "--bot-arg=--hwm=1",
            "--stub-arg=--stall-after=1", "--stub-arg=--stall-seconds=3", "--stub-arg=--hwm=1");

        final long produced = summary.get("bot.eventsProduced");
        final long rejected = summary.get("bot.ringRejected");
        assertTrue(rejected > 0, "a stalled sidecar fills the tiny bot ring");
        assertEquals(produced, rejected + summary.get("bot.eventsSent"));
        assertEquals(summary.get("bot.eventsSent"), summary.get("broker.eventsForwarded"));
        assertEquals(0, summary.get("broker.undelivered"));
        assertEquals(rejected, summary.get("sidecar.gaps"), "every rejection is a gap, and nothing else is");
        assertEquals(0, summary.get("sidecar.duplicates"));
        assertEquals(produced, summary.get("sidecar.eventsReceived") + summary.get("sidecar.gaps"));
    }
}
