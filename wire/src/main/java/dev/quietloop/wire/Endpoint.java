package dev.quietloop.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A validated {@code tcp://host:port} ZeroMQ endpoint. Port {@code 0} or {@code *} asks the
 * operating system for a free port when binding; the bound socket then tells the real one.
 */
public record Endpoint(String host, int port)
{
    public static final int EPHEMERAL = 0;

    public Endpoint
    {
        if (host == null || host.isBlank() || host.indexOf('/') >= 0 || host.indexOf(' ') >= 0)
        {
            throw new ConfigException("bad host in endpoint: '" + host + "'");
        }
        if (port < 0 || port > 65_535)
        {
            throw new ConfigException("bad port in endpoint: " + port + " (expected 0-65535)");
        }
    }

    /** Parses {@code tcp://HOST:PORT}; a bare {@code HOST:PORT} is taken as tcp. */
    public static Endpoint parse(final String text)
    {
        if (text == null || text.isBlank())
        {
            throw new ConfigException("empty endpoint (expected tcp://HOST:PORT)");
        }
        String rest = text.trim();
        final int schemeEnd = rest.indexOf("://");
        if (schemeEnd >= 0)
        {
            final String scheme = rest.substring(0, schemeEnd);
            if (!"tcp".equals(scheme))
            {
                throw new ConfigException("unsupported transport '" + scheme + "' in endpoint '" + text +
                    "' (expected tcp://HOST:PORT)");
            }
            rest = rest.substring(schemeEnd + 3);
        }
        final int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1)
        {
            throw new ConfigException("bad endpoint '" + text + "' (expected tcp://HOST:PORT)");
        }
        String host = rest.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]"))
        {
            host = host.substring(1, host.length() - 1);
        }
        final String portText = rest.substring(colon + 1);
        if ("*".equals(portText))
        {
            return new Endpoint(host, EPHEMERAL);
        }
        try
        {
            return new Endpoint(host, Integer.parseInt(portText));
        }
        catch (final NumberFormatException ex)
        {
            throw new ConfigException("bad port '" + portText + "' in endpoint '" + text + "'");
        }
    }

    public static Endpoint loopback(final int port)
    {
        return new Endpoint("127.0.0.1", port);
    }

    public boolean isEphemeral()
    {
        return port == EPHEMERAL;
    }

    /**
     * True for {@code localhost} and the loopback literals (127.0.0.0/8, {@code ::1}); a name other
     * than {@code localhost} is not looked up, so it counts as not loopback.
     */
    public boolean isLoopback()
    {
        if ("localhost".equalsIgnoreCase(host))
        {
            return true;
        }
        if (!isAddressLiteral(host))
        {
            return false;
        }
        try
        {
            return InetAddress.getByName(host).isLoopbackAddress(); // a literal: no name lookup
        }
        catch (final UnknownHostException ex)
        {
            return false;
        }
    }

    private static boolean isAddressLiteral(final String host)
    {
        if (host.indexOf(':') >= 0)
        {
            return true;
        }
        for (int i = 0; i < host.length(); i++)
        {
            final char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9'))
            {
                return false;
            }
        }
        return true;
    }

    /** The form JeroMQ takes: {@code *} for an ephemeral port, brackets around IPv6 hosts. */
    public String zmqAddress()
    {
        final String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "tcp://" + h + ":" + (isEphemeral() ? "*" : Integer.toString(port));
    }

    @Override
    public String toString()
    {
        return zmqAddress();
    }
}
