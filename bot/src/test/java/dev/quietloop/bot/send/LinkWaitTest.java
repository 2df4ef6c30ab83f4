package dev.quietloop.bot.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.protocol.config.Endpoint;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.testing.LoopbackPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

@Timeout(60)
class LinkWaitTest
{
    private final ZContext context = new ZContext(1);
    private final RunControl control = new RunControl();
    private final BotCounters counters = new BotCounters();
    private ZMQ.Socket pull;

    @AfterEach
    void close()
    {
        context.close();
    }

    @Test
    void shouldReturnOnceTheBrokerHasHandshakenAndLeaveTheSocketUsable()
    {
        final Endpoint broker = bindBroker(Endpoint.loopback(Endpoint.EPHEMERAL));
        final ZMQ.Socket push = SocketSettings.DEFAULTS.push(context);

        LinkWait.connect(push, broker, 30_000, control, counters);
        assertEquals(0, counters.linkWaitTimedOut.get());
        assertEquals(1, counters.linkUps.get(), "the handshake came before the wait returned");
        assertTrue(push.send(new byte[] {42}, ZMQ.DONTWAIT));
        assertEquals(42, pull.recv()[0], "the socket carries frames");
    }

    @Test
    void shouldWaitForABrokerThatBindsAfterTheConnect() throws Exception
    {
        final Endpoint later = LoopbackPorts.unused();
        final CompletableFuture<Void> linked = CompletableFuture.runAsync(
            () -> LinkWait.connect(SocketSettings.DEFAULTS.push(context), later, 30_000, control, counters));
        // Nothing listens yet, so no handshake can have happened: the wait is still on.
        Thread.sleep(300);
        assertFalse(linked.isDone(), "returned before any broker was there");

        bindBroker(later);

        linked.get();
        assertEquals(0, counters.linkWaitTimedOut.get(), "the reconnect handshakes with the broker once it binds");
        assertEquals(1, counters.linkUps.get());
    }

    @Test
    void shouldGiveUpAfterTheWaitWhenNobodyListens()
    {
        final ZMQ.Socket push = SocketSettings.DEFAULTS.push(context);

        LinkWait.connect(push, LoopbackPorts.unused(), 200, control, counters);
        assertEquals(1, counters.linkWaitTimedOut.get());
        assertEquals(0, counters.linkUps.get(), "no link ever came up");
    }

    @Test
    void shouldNotWaitWhenTheRunIsAlreadyStopping()
    {
        control.requestStop();
        final ZMQ.Socket push = SocketSettings.DEFAULTS.push(context);

        LinkWait.connect(push, LoopbackPorts.unused(), 30_000, control, counters);
        assertEquals(1, counters.linkWaitTimedOut.get(), "a wait cut short is a wait that ran out");
    }

    @Test
    void shouldConnectWithoutWaitingWhenAskedForNoWait()
    {
        final Endpoint broker = bindBroker(Endpoint.loopback(Endpoint.EPHEMERAL));
        final ZMQ.Socket push = SocketSettings.DEFAULTS.push(context);

        LinkWait.connect(push, broker, 0, control, counters);
        assertEquals(0, counters.linkWaitTimedOut.get());
        push.setSendTimeOut(10_000);
        assertTrue(push.send(new byte[] {7}, 0), "connected: the frame goes once the link is up");
        assertEquals(7, pull.recv()[0]);
        assertEquals(1, counters.linkUps.get(), "the handshake is counted without a wait too");
    }

    /** The broker's PULL, bound at {@code endpoint}. */
    private Endpoint bindBroker(final Endpoint endpoint)
    {
        pull = SocketSettings.DEFAULTS.pull(context);
        pull.setReceiveTimeOut(10_000);
        return SocketSettings.bind(pull, endpoint);
    }
}
