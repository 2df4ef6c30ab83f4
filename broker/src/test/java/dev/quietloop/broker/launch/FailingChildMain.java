package dev.quietloop.broker.launch;

/** A stand-in child that refuses its input, as a bot with a bad data file does: one line, exit 2. */
public final class FailingChildMain
{
    private FailingChildMain()
    {
    }

    public static void main(final String[] args)
    {
        System.err.println("test: cannot read data file missing.csv");
        System.exit(2);
    }
}
