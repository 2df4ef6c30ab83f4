package dev.quietloop.protocol.process;

import dev.quietloop.wire.Endpoint;

/**
 * The line a process prints on stdout once its sockets are up. A launcher waits for it instead
 * of sleeping, and learns the real port of an ephemeral bind from it.
 */
public final class Readiness
{
    public static final String PREFIX = "quietloop-ready ";

    private Readiness()
    {
    }

    public static void announce(final String role, final Endpoint endpoint)
    {
        System.out.println(line(role, endpoint));
        System.out.flush();
    }

    public static String line(final String role, final Endpoint endpoint)
    {
        return PREFIX + role + " " + endpoint;
    }

    public static boolean isReadiness(final String line)
    {
        return line.startsWith(PREFIX);
    }

    public static String role(final String line)
    {
        final String[] parts = line.substring(PREFIX.length()).trim().split(" ");
        return parts[0];
    }

    /** The endpoint of a readiness line. */
    public static Endpoint endpoint(final String line)
    {
        final String[] parts = line.substring(PREFIX.length()).trim().split(" ");
        if (parts.length < 2)
        {
            throw new IllegalArgumentException("readiness line without endpoint: " + line);
        }
        return Endpoint.parse(parts[1]);
    }
}
