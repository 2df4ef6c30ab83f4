package dev.quietloop.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;

import dev.quietloop.broker.ring.BrokerCounters;
import org.junit.jupiter.api.Test;

class BrokerPipelineTest
{
    @Test
    void shouldKeepTheFirstDrainDeadlineSoTheWholeEndOfARunSharesOneDrainTimeout()
    {
        final BrokerPipeline pipeline = new BrokerPipeline(
            new BrokerContext().conclude(), new BrokerCounters(), new PrintStream(OutputStream.nullOutputStream()));

        final long first = pipeline.startDrain(1_000);
        final long second = pipeline.startDrain(60_000);

        assertEquals(first, second, "the drain after the wait for the bot's last frames does not restart the clock");
    }
}
