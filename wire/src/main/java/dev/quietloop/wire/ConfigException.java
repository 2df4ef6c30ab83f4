package dev.quietloop.wire;

/** Bad user input (a flag, a file, an endpoint): its message is printed as one line, without a stack trace. */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public ConfigException(final String message)
    {
        super(message);
    }

    public ConfigException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
