package dev.quietloop.protocol.config;

import dev.quietloop.wire.ConfigException;

/**
 * The range checks every process's configuration makes, in one place, so that each names the flag
 * that was wrong and the range it had to be in, the same way everywhere.
 */
public final class Validate
{
    private Validate()
    {
    }

    /**
     * @return {@code value}, when it is in {@code [min, max]}.
     * @throws ConfigException naming the flag, the range and the value otherwise.
     */
    public static long inRange(final String flag, final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            throw new ConfigException(flag + " must be in [" + min + ", " + max + "]: " + value);
        }
        return value;
    }

    /** {@link #inRange} for an {@code int} flag. */
    public static int inRange(final String flag, final int value, final int min, final int max)
    {
        return (int)inRange(flag, (long)value, min, max);
    }

    /**
     * @return {@code value}, when it is a power of two in {@code [min, max]}: a ring's size.
     * @throws ConfigException naming the flag otherwise.
     */
    public static int powerOfTwo(final String flag, final int value, final int min, final int max)
    {
        if (value < min || value > max || Integer.bitCount(value) != 1)
        {
            throw new ConfigException(flag + " must be a power of two in [" + min + ", " + max + "]: " + value);
        }
        return value;
    }

    /** @return {@code value}, when it is not null; otherwise says the flag is required. */
    public static <T> T required(final String flag, final T value)
    {
        if (null == value)
        {
            throw new ConfigException(flag + " is required");
        }
        return value;
    }
}
