package dev.quietloop.broker.launch;

/** A launched child exited, or never became ready; carries its exit code when it had one. */
public final class ChildFailedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;
    /** The exit code when the child did not exit. */
    public static final int NO_EXIT_CODE = -1;

    private final String role;
    private final int exitCode;

    public ChildFailedException(final String role, final int exitCode, final String message)
    {
        super(message);
        this.role = role;
        this.exitCode = exitCode;
    }

    public String role()
    {
        return role;
    }

    public int exitCode()
    {
        return exitCode;
    }
}
