package dev.quietloop.sidecar;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.sidecar.receive.FaultInjection;
import dev.quietloop.sidecar.receive.ReceiverSettings;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StubContextTest
{
    @Test
    void shouldBeReadOnlyOnceConcluded()
    {
        final StubContext config = new StubContext().drainMs(10).conclude();

        assertThrows(IllegalStateException.class, () -> config.drainMs(20));
        assertThrows(IllegalStateException.class, config::conclude);
        assertEquals(10, config.drainMs());
    }

    @Test
    void shouldNameTheFlagOfAValueOutOfItsRange()
    {
        assertMessage("--delay-us", new StubContext().delayUs(-1));
        assertMessage("--drain-ms", new StubContext().drainMs(StubConfiguration.MAX_DRAIN_MS + 1));
        assertMessage("--warmup-events", new StubContext().warmupEvents(-1));
        assertMessage("--exit-after", new StubContext().exitAfter(0L));
        assertMessage("--stall-after", new StubContext().stallAfter(0L).stallSeconds(1));
        assertMessage("--stall-after needs --stall-seconds", new StubContext().stallAfter(3L));
        assertMessage("--stall-seconds needs --stall-after", new StubContext().stallSeconds(3));
        assertMessage("--summary", new StubContext().summary(Path.of("/no/such/dir/sidecar.json")));
        assertMessage("--bind", new StubContext().bind(Endpoint.parse("tcp://10.1.2.3:5557")));
    }

    @Test
    void shouldHandTheReceiveLoopItsTimesInNanoseconds()
    {
        final StubContext config = new StubContext().drainMs(1_500).conclude();

        final ReceiverSettings settings = SidecarStub.receiverSettings(config);

        assertEquals(TimeUnit.MILLISECONDS.toNanos(1_500), settings.drainNs());
        assertEquals(ReceiverSettings.QUIET_NS, settings.quietNs());
        assertEquals(config.bind(), settings.bind());
    }

    @Test
    void shouldHandTheFaultsTheirTimesInNanosecondsAndACountNotGivenAsOff()
    {
        final FaultInjection faults = SidecarStub.faults(new StubContext().delayUs(3).exitAfter(2L).conclude());

        assertFalse(faults.onMessage(0));
        assertEquals(3_000, faults.pauseRemainingNs(0), "the delay, with no stall on top");
        assertTrue(faults.onMessage(3_000), "the second message is the last");
    }

    @Test
    void shouldKeepANonLoopbackBindWhenInsecureIsGiven()
    {
        final StubContext config = new StubContext()
            .bind(Endpoint.parse("tcp://10.1.2.3:5557"))
            .security(LinkSecurity.of(null, true, LinkSecurity.SIDECAR, null))
            .conclude();

        assertTrue(config.isConcluded());
    }

    private static void assertMessage(final String flag, final StubContext config)
    {
        final ConfigException ex = assertThrows(ConfigException.class, config::conclude);
        assertTrue(ex.getMessage().startsWith(flag), ex.getMessage());
    }
}
