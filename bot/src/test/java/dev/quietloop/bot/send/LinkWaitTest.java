package dev.quietloop.bot.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.protocol.security.KeyFiles;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.protocol.testing.LoopbackPorts;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

@Timeout(60)
class LinkWaitTest
{
    private final ZContext context = new ZContext(1);
    private final RunControl control = new RunControl();
    private final BotCounters counters = new BotCounters();
    private final AtomicCounter rejected = new CounterRegistry(4).newCounter("broker.authRejected");
    private ZMQ.Socket pull;
    @TempDir
    Path keys;
    @TempDir
    Path strangerKeys;

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

        assertEquals(LinkWait.Link.UP, LinkWait.connect(push, broker, 30_000, control, counters));
        assertEquals(0, counters.linkWaitTimedOut.get());
        assertEquals(1, counters.linkUps.get(), "the handshake came before the wait returned");
        assertTrue(push.send(new byte[] {42}, ZMQ.DONTWAIT));
        assertEquals(42, pull.recv()[0], "the socket carries frames");
    }

    @Test
    void shouldWaitForABrokerThatBindsAfterTheConnect() throws Exception
    {
        final Endpoint later = LoopbackPorts.unused();
        final CompletableFuture<LinkWait.Link> linked = CompletableFuture.supplyAsync(
            () -> LinkWait.connect(SocketSettings.DEFAULTS.push(context), later, 30_000, control, counters));
        // Nothing listens yet, so no handshake can have happened: the wait is still on.
        Thread.sleep(300);
        assertFalse(linked.isDone(), "returned before any broker was there");

        bindBroker(later);

        assertEquals(LinkWait.Link.UP, linked.get(), "the reconnect handshakes with the broker once it binds");
        assertEquals(0, counters.linkWaitTimedOut.get());
        assertEquals(1, counters.linkUps.get());
    }

    @Test
    void shouldGiveUpAfterTheWaitWhenNobodyListens()
    {
        final ZMQ.Socket push = SocketSettings.DEFAULTS.push(context);

        assertEquals(LinkWait.Link.NO_HANDSHAKE, LinkWait.connect(push, LoopbackPorts.unused(), 200, control, counters));
        assertEquals(1, counters.linkWaitTimedOut.get());
        assertEquals(0, counters.linkUps.get(), "no link ever came up");
    }

    @Test
    void shouldNotWaitWhenTheRunIsAlreadyStopping()
    {
        control.requestStop();
        final ZMQ.Socket push = SocketSettings.DEFAULTS.push(context);

        assertEquals(LinkWait.Link.NO_HANDSHAKE,
            LinkWait.connect(push, LoopbackPorts.unused(), 30_000, control, counters));
        assertEquals(1, counters.linkWaitTimedOut.get(), "a wait cut short is a wait that ran out");
    }

    @Test
    void shouldConnectWithoutWaitingWhenAskedForNoWait()
    {
        final Endpoint broker = bindBroker(Endpoint.loopback(Endpoint.EPHEMERAL));
        final ZMQ.Socket push = SocketSettings.DEFAULTS.push(context);

        assertEquals(LinkWait.Link.UP, LinkWait.connect(push, broker, 0, control, counters));
        assertEquals(0, counters.linkWaitTimedOut.get());
        push.setSendTimeOut(10_000);
        assertTrue(push.send(new byte[] {7}, 0), "connected: the frame goes once the link is up");
        assertEquals(7, pull.recv()[0]);
        assertEquals(1, counters.linkUps.get(), "the handshake is counted without a wait too");
    }

    @Test
    void shouldCallTheLinkUpWhenTheBrokerAdmitsTheBotsCurveKey()
    {
        final Endpoint broker = bindCurveBroker();
        final ZMQ.Socket push = curveBot(keys).create(SocketSettings.DEFAULTS, context);

        assertEquals(LinkWait.Link.UP, LinkWait.connect(push, broker, 30_000, control, counters));
        assertTrue(push.send(new byte[] {5}, ZMQ.DONTWAIT));
        assertEquals(5, pull.recv()[0], "the frame came through CURVE");
        assertEquals(0, rejected.get());
    }

    @Test
    void shouldCallTheLinkRejectedWhenTheBrokerRefusesTheBotsCurveKey() throws Exception
    {
        final Endpoint broker = bindCurveBroker();
        // The stranger has the broker's public key, but the broker's folder lacks the stranger's.
        KeyFiles.write(strangerKeys, LinkSecurity.BOT, KeyFiles.KeyPair.generate(), false);
        Files.copy(KeyFiles.publicFile(keys, LinkSecurity.BROKER), KeyFiles.publicFile(strangerKeys, LinkSecurity.BROKER));
        final ZMQ.Socket push = curveBot(strangerKeys).create(SocketSettings.DEFAULTS, context);

        assertEquals(LinkWait.Link.REJECTED, LinkWait.connect(push, broker, 30_000, control, counters));
        assertEquals(1, rejected.get(), "the broker counted the refusal");
        assertEquals(1, counters.linkRejected.get());
        assertEquals(1, counters.linkWaitTimedOut.get(), "a refused link is no link");
    }

    private Endpoint bindCurveBroker()
    {
        KeyFiles.write(keys, LinkSecurity.BROKER, KeyFiles.KeyPair.generate(), false);
        KeyFiles.write(keys, LinkSecurity.BOT, KeyFiles.KeyPair.generate(), false);
        pull = LinkSecurity.of(keys, false, LinkSecurity.BROKER, null).server(SocketFactory.PULL, rejected)
            .create(SocketSettings.DEFAULTS, context);
        pull.setReceiveTimeOut(10_000);
        return SocketSettings.bind(pull, Endpoint.loopback(Endpoint.EPHEMERAL));
    }

    private static SocketFactory curveBot(final Path dir)
    {
        return LinkSecurity.of(dir, false, LinkSecurity.BOT, LinkSecurity.BROKER).client(SocketFactory.PUSH);
    }

    /** The broker's PULL, bound at {@code endpoint}. */
    private Endpoint bindBroker(final Endpoint endpoint)
    {
        pull = SocketSettings.DEFAULTS.pull(context);
        pull.setReceiveTimeOut(10_000);
        return SocketSettings.bind(pull, endpoint);
    }
}
