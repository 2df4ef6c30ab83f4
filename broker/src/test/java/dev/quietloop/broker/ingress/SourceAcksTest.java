package dev.quietloop.broker.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quietloop.broker.ring.BrokerCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Each source id kept to its bot, and a bot that falls silent declared lost: on a clock the test sets. */
class SourceAcksTest
{
    private static final long TIMEOUT_NS = 5_000_000_000L;
    private static final byte[] FIRST = {0, 1, 2, 3, 4};
    private static final byte[] SECOND = {0, 9, 9, 9, 9};

    private final ZContext context = new ZContext(1);
    /** Unbound: an acknowledgement to an unknown connection is dropped, as a ROUTER does. */
    private final ZMQ.Socket socket = context.createSocket(SocketType.ROUTER);
    private final BrokerCounters counters = new BrokerCounters();
    private final SourceAcks acks = new SourceAcks(counters, TIMEOUT_NS);

    @AfterEach
    void close()
    {
        context.close();
    }

    @Test
    void shouldRefuseASecondBotClaimingTheSourceIdOfALiveOneOnAnotherConnection()
    {
        take(7, 100, FIRST, 1_000);

        assertFalse(acks.admits(7, 200, SECOND, SECOND.length, 2_000), "another epoch, another connection, the first live");
        assertTrue(acks.admits(7, 100, SECOND, SECOND.length, 2_000), "the same bot, reconnected: same epoch");
        assertTrue(acks.admits(7, 200, FIRST, FIRST.length, 2_000), "the same connection");
        assertTrue(acks.admits(8, 200, SECOND, SECOND.length, 2_000), "another source id");
        assertEquals(1, counters.sourceInUse().get());
        assertEquals(7, counters.sourceInUseId().get());
        assertTrue(acks.admits(7, 200, SECOND, SECOND.length, 1_000 + TIMEOUT_NS), "the first silent past the timeout");
    }

    @Test
    void shouldTakeANewBotUnderTheIdOnceTheOldOneEndedItsStream()
    {
        acks.taken(socket, FIRST, FIRST.length, 7, 100, 0, true, 1_000);

        assertTrue(acks.admits(7, 200, SECOND, SECOND.length, 2_000));
        assertEquals(0, counters.sourceInUse().get());
    }

    @Test
    void shouldDeclareABotLostWhenSilentPastTheTimeoutWithNoEndOfStreamAndOnlyWhenTheSocketWasDrained()
    {
        take(7, 100, FIRST, 1_000);
        acks.taken(socket, SECOND, SECOND.length, 8, 300, 0, true, 1_000);

        acks.flushQuiet(socket, 1_000 + TIMEOUT_NS - 1, true);
        assertEquals(0, counters.botsLost().get(), "not yet");
        acks.flushQuiet(socket, 1_000 + TIMEOUT_NS, false);
        assertEquals(0, counters.botsLost().get(), "a socket not read to its end: the silence may be the broker's");
        acks.flushQuiet(socket, 1_000 + TIMEOUT_NS, true);
        assertEquals(1, counters.botsLost().get(), "source 7; source 8 ended its stream");
        assertEquals(7, counters.botLostSource().get());
        acks.flushQuiet(socket, 2_000 + TIMEOUT_NS, true);
        assertEquals(1, counters.botsLost().get(), "declared once");

        take(7, 100, FIRST, 3_000 + TIMEOUT_NS);
        assertEquals(0, counters.botsLost().get(), "heard from again: not lost");
        take(7, 200, SECOND, 10_000 + 3 * TIMEOUT_NS);
        acks.flushQuiet(socket, 10_000 + 5 * TIMEOUT_NS, true);
        assertEquals(1, counters.botsLost().get(), "the bot that took the id over, silent in its turn");
    }

    private void take(final int sourceId, final long epoch, final byte[] identity, final long nowNs)
    {
        assertTrue(acks.admits(sourceId, epoch, identity, identity.length, nowNs));
        acks.taken(socket, identity, identity.length, sourceId, epoch, 10, false, nowNs);
    }
}
