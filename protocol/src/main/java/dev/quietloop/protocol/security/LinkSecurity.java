package dev.quietloop.protocol.security;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import net.openhft.chronicle.wire.WireOut;
import org.agrona.concurrent.status.AtomicCounter;
import org.zeromq.ZMQ;

/**
 * How one process protects its links, decided once at start-up: either CURVE with the keys of
 * {@code --keys DIR} (the process's own keypair, the public keys of the servers it connects to,
 * and every {@code *.key} in DIR as the clients its servers admit), or nothing; and whether an
 * unprotected link may leave loopback ({@code --insecure}).
 */
public final class LinkSecurity
{
    public static final String SIDECAR = "sidecar";
    public static final String BROKER = "broker";
    public static final String BOT = "bot";
    public static final String KEYS_FLAG = "--keys";
    public static final String INSECURE_FLAG = "--insecure";

    /**
     * What CURVE adds to each frame on the wire: the MESSAGE command name (8 bytes), its nonce (8),
     * the box's MAC (16) and the flags byte (1). JeroMQ checks the receiver's maximum message size
     * against the frame on the wire, so a CURVE server allows this much more than the plain one:
     * without it, a bot's frame of exactly {@code maxFrameBytes} would drop the connection.
     */
    public static final int CURVE_FRAME_OVERHEAD_BYTES = 33;

    /** No CURVE, loopback only: what a run without {@code --keys} or {@code --insecure} gets. */
    public static final LinkSecurity OFF = new LinkSecurity(null, false, null, Set.of(), null);

    private final Path keysDir;
    private final boolean insecure;
    private final KeyFiles.KeyPair own;
    private final Set<String> allowedKeys;
    private final String serverKey;

    private LinkSecurity(
        final Path keysDir,
        final boolean insecure,
        final KeyFiles.KeyPair own,
        final Set<String> allowedKeys,
        final String serverKey)
    {
        this.keysDir = keysDir;
        this.insecure = insecure;
        this.own = own;
        this.allowedKeys = Set.copyOf(allowedKeys);
        this.serverKey = serverKey;
    }

    /**
     * Loads what {@code role} needs from {@code keysDir}, or nothing when it is null.
     *
     * @param serverRole the role whose server this process connects to ({@code NAME.key} in DIR), or null
     * @throws ConfigException naming the file when a key file is missing or bad
     */
    public static LinkSecurity of(final Path keysDir, final boolean insecure, final String role, final String serverRole)
    {
        if (null == keysDir)
        {
            return insecure ? new LinkSecurity(null, true, null, Set.of(), null) : OFF;
        }
        if (!Files.isDirectory(keysDir))
        {
            throw new ConfigException("no keys folder " + keysDir + " (" + KEYS_FLAG + "; bin/keys.sh DIR writes one)");
        }
        final Path dir = keysDir.toAbsolutePath().normalize();
        final KeyFiles.KeyPair own = KeyFiles.readSecret(KeyFiles.secretFile(dir, role));
        final String serverKey = null == serverRole ? null : KeyFiles.readPublic(KeyFiles.publicFile(dir, serverRole));
        return new LinkSecurity(dir, insecure, own, allowedKeys(dir), serverKey);
    }

    /** True when this process's links use CURVE. */
    public boolean isCurve()
    {
        return null != own;
    }

    public Path keysDir()
    {
        return keysDir;
    }

    public boolean isInsecure()
    {
        return insecure;
    }

    /** The client public keys a server of this process admits, in Z85: every {@code *.key} of the folder. */
    public Set<String> allowedKeys()
    {
        return allowedKeys;
    }

    /**
     * Refuses a link off loopback that CURVE does not protect, unless {@code --insecure}.
     *
     * @param flag the option that named the endpoint, for the message
     */
    public void checkEndpoint(final String flag, final Endpoint endpoint)
    {
        if (!isCurve() && !insecure && !endpoint.isLoopback())
        {
            throw new ConfigException(flag + " " + endpoint + " is not a loopback address: give " + KEYS_FLAG +
                " DIR to authenticate and encrypt the link with CURVE (bin/keys.sh DIR writes the keys), or " +
                INSECURE_FLAG + " to use it unprotected");
        }
    }

    /**
     * Makes {@code plain}'s sockets CURVE servers with this process's secret key, admitting only the
     * allowed keys: the factory starts the context's ZAP handler before it makes the socket.
     *
     * @param rejected counts every refused handshake
     */
    public SocketFactory server(final SocketFactory plain, final AtomicCounter rejected)
    {
        if (!isCurve())
        {
            return plain;
        }
        final byte[] secretKey = ZMQ.Curve.z85Decode(own.secretKey());
        final Set<String> allowed = allowedKeys;
        return (settings, context) ->
        {
            ZapHandler.start(context, allowed, rejected);
            final ZMQ.Socket socket = plain.create(settings, context);
            socket.setCurveSecretKey(secretKey);
            socket.setCurveServer(true);
            SocketSettings.limitMessageBytes(socket, settings.maxFrameBytes() + CURVE_FRAME_OVERHEAD_BYTES);
            return socket;
        };
    }

    /** Makes {@code plain}'s sockets CURVE clients of the server whose public key was loaded. */
    public SocketFactory client(final SocketFactory plain)
    {
        if (!isCurve())
        {
            return plain;
        }
        if (null == serverKey)
        {
            throw new IllegalStateException("no server key loaded for a client socket");
        }
        final byte[] publicKey = ZMQ.Curve.z85Decode(own.publicKey());
        final byte[] secretKey = ZMQ.Curve.z85Decode(own.secretKey());
        final byte[] server = ZMQ.Curve.z85Decode(serverKey);
        return (settings, context) ->
        {
            final ZMQ.Socket socket = plain.create(settings, context);
            socket.setCurvePublicKey(publicKey);
            socket.setCurveSecretKey(secretKey);
            socket.setCurveServerKey(server);
            return socket;
        };
    }

    /** The flags that give a launched child the same security: {@code --keys DIR} and {@code --insecure}. */
    public List<String> childArgs()
    {
        final List<String> args = new ArrayList<>();
        if (isCurve())
        {
            args.add(KEYS_FLAG);
            args.add(keysDir.toString());
        }
        if (insecure)
        {
            args.add(INSECURE_FLAG);
        }
        return args;
    }

    /**
     * The two flags as flat keys named after them ({@code keys}, {@code insecure}), for a section
     * of {@code config.yaml} that {@code --config} reads back.
     */
    public void writeFlags(final WireOut wire)
    {
        wire.write(KEYS_FLAG.substring(2)).text(isCurve() ? keysDir.toAbsolutePath().toString() : null);
        wire.write(INSECURE_FLAG.substring(2)).bool(insecure);
    }

    @Override
    public String toString()
    {
        return isCurve() ? "curve(" + keysDir + ")" : (insecure ? "insecure" : "loopback only");
    }

    private static Set<String> allowedKeys(final Path dir)
    {
        final Set<String> keys = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + KeyFiles.PUBLIC_SUFFIX))
        {
            for (final Path file : files)
            {
                keys.add(KeyFiles.readPublic(file));
            }
        }
        catch (final IOException ex)
        {
            throw new ConfigException("cannot list keys folder " + dir + ": " + ex.getMessage(), ex);
        }
        return keys;
    }
}
