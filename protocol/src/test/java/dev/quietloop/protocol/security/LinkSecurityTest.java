package dev.quietloop.protocol.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.CounterRegistry;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

@Timeout(60)
class LinkSecurityTest
{
    private static final byte[] FRAME = {1, 2, 3, 4};

    @TempDir
    Path keys;
    @TempDir
    Path strangerKeys;

    private final ZContext serverContext = new ZContext(1);
    private final ZContext clientContext = new ZContext(1);
    private final AtomicCounter rejected = new CounterRegistry(4).newCounter("broker.authRejected");

    @AfterEach
    void close()
    {
        clientContext.close();
        serverContext.close();
    }

    @Test
    void shouldDeliverFramesFromAClientWhoseKeyIsInTheFolder()
    {
        writeKeys(keys, LinkSecurity.BROKER, LinkSecurity.BOT);
        final ZMQ.Socket pull = bindServer();
        final ZMQ.Socket push = client(keys).create(SocketSettings.DEFAULTS, clientContext);
        assertEquals(ZMQ.Socket.Mechanism.CURVE, push.getMechanism());

        push.connect(endpoint(pull));
        assertTrue(push.send(FRAME, 0));

        assertArrayEquals(FRAME, pull.recv(0), "the frame came through CURVE");
        assertEquals(0, rejected.get());
    }

    @Test
    void shouldCarryAFrameOfTheLargestSizeTheServerTakes()
    {
        writeKeys(keys, LinkSecurity.BROKER, LinkSecurity.BOT);
        final SocketSettings settings = SocketSettings.DEFAULTS.withMaxFrameBytes(10_000);
        final ZMQ.Socket pull = LinkSecurity.of(keys, false, LinkSecurity.BROKER, null)
            .server(SocketFactory.PULL, rejected).create(settings, serverContext);
        pull.setReceiveTimeOut(10_000);
        SocketSettings.bind(pull, Endpoint.loopback(Endpoint.EPHEMERAL));
        final ZMQ.Socket push = client(keys).create(settings, clientContext);
        final byte[] largest = new byte[10_000];
        largest[9_999] = 9;

        push.connect(endpoint(pull));
        assertTrue(push.send(largest, 0));

        assertArrayEquals(largest, pull.recv(0), "CURVE's own bytes do not count against the frame size");
    }

    @Test
    void shouldLetNothingInFromAClientWithAnUnknownKeyAndCountEachRefusal() throws Exception
    {
        writeKeys(keys, LinkSecurity.BROKER, LinkSecurity.BOT);
        // The stranger knows the broker's public key, but its own is not in the broker's folder.
        writeKeys(strangerKeys, LinkSecurity.BOT);
        Files.copy(KeyFiles.publicFile(keys, LinkSecurity.BROKER), KeyFiles.publicFile(strangerKeys, LinkSecurity.BROKER));
        final ZMQ.Socket pull = bindServer();
        final ZMQ.Socket push = client(strangerKeys).create(SocketSettings.DEFAULTS, clientContext);

        push.connect(endpoint(pull));
        assertTrue(push.send(FRAME, 0), "queued by the client, waiting for a link that never comes up");

        // Refused: the connection closes without its frame, and the client does not redial (JeroMQ
        // gives up on an authentication failure), so nothing can come in after the count either.
        while (rejected.get() < 1 && !Thread.currentThread().isInterrupted())
        {
            LockSupport.parkNanos(1_000_000);
        }
        assertEquals(1, rejected.get());
        pull.setReceiveTimeOut(200);
        assertNull(pull.recv(0), "nothing came in");
    }

    @Test
    void shouldAllowEveryPublicKeyInTheFolder()
    {
        writeKeys(keys, LinkSecurity.SIDECAR, LinkSecurity.BROKER, LinkSecurity.BOT, "bot-2");

        final LinkSecurity security = LinkSecurity.of(keys, false, LinkSecurity.BROKER, LinkSecurity.SIDECAR);

        assertTrue(security.isCurve());
        assertEquals(4, security.allowedKeys().size());
        assertTrue(security.allowedKeys().contains(KeyFiles.readPublic(KeyFiles.publicFile(keys, "bot-2"))));
        assertEquals(List.of("--keys", keys.toAbsolutePath().normalize().toString()), security.childArgs());
    }

    @Test
    void shouldNameTheMissingFileOfARole()
    {
        writeKeys(keys, LinkSecurity.BOT);

        final ConfigException ex = assertThrows(ConfigException.class,
            () -> LinkSecurity.of(keys, false, LinkSecurity.BOT, LinkSecurity.BROKER));

        assertTrue(ex.getMessage().contains(KeyFiles.publicFile(keys, LinkSecurity.BROKER).toString()), ex.getMessage());
    }

    @Test
    void shouldRefuseALinkOffLoopbackWithoutKeysNamingKeys()
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> LinkSecurity.OFF.checkEndpoint("--ingest", Endpoint.parse("tcp://0.0.0.0:5556")));

        assertTrue(ex.getMessage().startsWith("--ingest tcp://0.0.0.0:5556"), ex.getMessage());
        assertTrue(ex.getMessage().contains("--keys"), ex.getMessage());
        assertFalse(ex.getMessage().contains("\n"));
        assertThrows(ConfigException.class,
            () -> LinkSecurity.OFF.checkEndpoint("--broker", Endpoint.parse("tcp://10.1.2.3:5556")));
        assertThrows(ConfigException.class,
            () -> LinkSecurity.OFF.checkEndpoint("--bind", Endpoint.parse("tcp://example.com:5557")));
    }

    @Test
    void shouldAcceptLoopbackWithoutKeysAndAnyAddressWithKeysOrInsecure()
    {
        for (final String loopback : List.of("tcp://127.0.0.1:1", "tcp://127.9.8.7:1", "tcp://localhost:1", "tcp://[::1]:1"))
        {
            assertDoesNotThrow(() -> LinkSecurity.OFF.checkEndpoint("--ingest", Endpoint.parse(loopback)), loopback);
        }
        final Endpoint anywhere = Endpoint.parse("tcp://0.0.0.0:5556");
        assertDoesNotThrow(() -> LinkSecurity.of(null, true, LinkSecurity.BROKER, null).checkEndpoint("--ingest", anywhere));
        writeKeys(keys, LinkSecurity.BROKER);
        assertDoesNotThrow(() -> LinkSecurity.of(keys, false, LinkSecurity.BROKER, null).checkEndpoint("--ingest", anywhere));
    }

    @Test
    void shouldLeaveSocketsPlainWhenOff()
    {
        assertEquals(SocketFactory.PULL, LinkSecurity.OFF.server(SocketFactory.PULL, rejected));
        assertEquals(SocketFactory.PUSH, LinkSecurity.OFF.client(SocketFactory.PUSH));
        assertEquals(List.of(), LinkSecurity.OFF.childArgs());
    }

    private ZMQ.Socket bindServer()
    {
        final ZMQ.Socket pull = LinkSecurity.of(keys, false, LinkSecurity.BROKER, null)
            .server(SocketFactory.PULL, rejected).create(SocketSettings.DEFAULTS, serverContext);
        pull.setReceiveTimeOut(10_000);
        SocketSettings.bind(pull, Endpoint.loopback(Endpoint.EPHEMERAL));
        return pull;
    }

    private static SocketFactory client(final Path dir)
    {
        return LinkSecurity.of(dir, false, LinkSecurity.BOT, LinkSecurity.BROKER).client(SocketFactory.PUSH);
    }

    private static String endpoint(final ZMQ.Socket bound)
    {
        return bound.getLastEndpoint();
    }

    private static void writeKeys(final Path dir, final String... roles)
    {
        for (final String role : roles)
        {
            KeyFiles.write(dir, role, KeyFiles.KeyPair.generate(), false);
        }
    }
}
