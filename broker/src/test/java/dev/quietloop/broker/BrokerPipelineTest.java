package dev.quietloop.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.security.LinkSecurity;
import org.junit.jupiter.api.Test;

class BrokerPipelineTest
{
    @Test
    void shouldKeepTheFirstDrainDeadlineSoTheWholeEndOfARunSharesOneDrainTimeout()
    {
        final BrokerPipeline pipeline =
            new BrokerPipeline(config(), new BrokerCounters(), new PrintStream(OutputStream.nullOutputStream()));

        final long first = pipeline.startDrain(1_000);
        final long second = pipeline.startDrain(60_000);

        assertEquals(first, second, "the drain after the wait for the bot's last frames does not restart the clock");
    }

    private static BrokerConfig config()
    {
        return new BrokerConfig(Endpoint.loopback(0), Endpoint.loopback(5557), false, List.of(), false,
            Path.of("none.csv"), List.of(), 0, "r", true, Path.of("reports"), 10, 1024, 16_384, SocketSettings.DEFAULTS,
            "backoff", "backoff", Path.of("none.options"), true, true, null, false,
            LinkSecurity.OFF);
    }
}
