package dev.quietloop.protocol.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import dev.quietloop.wire.Endpoint;

/** Loopback endpoints for tests that need a port nobody listens on. */
public final class LoopbackPorts
{
    private LoopbackPorts()
    {
    }

    /** A loopback port that was free a moment ago: nothing listens there. */
    public static Endpoint unused()
    {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return Endpoint.loopback(probe.getLocalPort());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("no free loopback port", ex);
        }
    }
}
