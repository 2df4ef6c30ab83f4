package dev.quietloop.broker.launch;

/** A stand-in child for the launcher tests: says hello, announces readiness, then waits or exits. */
public final class ReadyChildMain
{
    private ReadyChildMain()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        if (args.length > 0 && "--silent".equals(args[0]))
        {
            Thread.sleep(60_000); // never ready
        }
        System.out.println("starting with " + String.join(" ", args));
        System.err.println("a line on stderr");
        System.out.println("quietloop-ready test tcp://127.0.0.1:4242");
        System.out.flush();
        if (args.length > 0 && "--wait".equals(args[0]))
        {
            Thread.sleep(60_000);
        }
        System.out.println("done");
    }
}
